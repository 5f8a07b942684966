import Testing

@testable import BatchCore

/// Shared helpers for the watch tests: a hub on a test clock without jitter, and reading one event at a time.
enum WatchTestSupport {
  typealias Events = AsyncThrowingStream<WatchEvent, any Error>.AsyncIterator

  /// A hub on `clock` whose jitter is zero (random 0.5), so every delay is exact.
  static func hub(_ api: FakeBatchAPI, _ clock: TestClock, snapshotReuse: Double = 1) -> WatchHub {
    WatchHub(api: api, clock: clock, snapshotReuse: snapshotReuse, random: { 0.5 })
  }

  static func job(_ id: String, _ status: BatchStatus = .inProgress, progress: Double? = nil) -> BatchJob {
    BatchJob(id: id, status: status, progress: progress)
  }

  /// Starts a watch and returns its event iterator.
  static func watch(_ hub: WatchHub, _ request: WatchRequest) async -> Events {
    await hub.watch(request).makeAsyncIterator()
  }
}

/// Reads the next event; records an issue when the stream has ended.
func nextEvent(_ events: inout WatchTestSupport.Events, sourceLocation: SourceLocation = #_sourceLocation)
  async throws -> WatchEvent?
{
  let event = try await events.next()
  if event == nil { Issue.record("the stream ended", sourceLocation: sourceLocation) }
  return event
}

extension WatchEvent {
  /// The job of a status or progress change.
  var update: JobUpdate? {
    switch self {
    case .statusChanged(let update), .progressChanged(let update): return update
    default: return nil
    }
  }

  /// The summary of `finished`.
  var summary: WatchSummary? {
    if case .finished(let summary) = self { return summary }
    return nil
  }

  /// The jobs of `snapshot`.
  var snapshotJobs: [BatchJob]? {
    if case .snapshot(let jobs) = self { return jobs }
    return nil
  }

  /// The retry of `retrying`.
  var retry: WatchRetry? {
    if case .retrying(let retry) = self { return retry }
    return nil
  }
}
