import BatchCore

/// Tells what kind of change each `jobUpdated` event of one watch is, from the statuses seen before it.
///
/// A watch reports a job when first seen, then only when its status or progress moved, so the first event of an id
/// is `initial`, one with a new status is `status`, and any other is `progress`.
public struct WatchChangeTracker: Sendable {
  private var statuses: [String: BatchStatus?] = [:]

  public init() {}

  /// Records `job` and returns what kind of change it is.
  public mutating func classify(_ job: BatchJob) -> WatchJSONLine.Change {
    defer { statuses[job.id] = .some(job.status) }
    guard let previous = statuses[job.id] else { return .initial }
    return previous == job.status ? .progress : .status
  }
}
