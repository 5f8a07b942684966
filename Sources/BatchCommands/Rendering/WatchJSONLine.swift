import BatchCore
import Foundation

/// One NDJSON line of `watch --json`: a job's change, or the final line with every watched job.
///
/// A change line is `{"time","change","job"}` with `change` one of `initial` (first sight), `status` or
/// `progress`; the last line is `{"time","change":"final","outcome","jobs"}` (plus `disappeared` when jobs vanished).
public struct WatchJSONLine: Encodable, Sendable, Equatable {
  /// What a line reports.
  public enum Change: String, Encodable, Sendable {
    /// The job as first seen by this watch.
    case initial
    /// The job's status moved (its progress may have moved too).
    case status
    /// The job's progress moved while its status did not.
    case progress
    /// The watch is over; the line carries every watched job as last seen.
    case final
  }

  /// When the line was written, ISO-8601 UTC with fractional seconds.
  public var time: String
  /// What happened; nil when the caller could not tell (the key is then left out).
  public var change: Change?
  public var job: BatchJob?
  public var jobs: [BatchJob]?
  /// Why the watch stopped (`finished`, `fail_fast` or `timeout`), on the final line only.
  public var outcome: String?
  /// Ids of jobs that vanished from the server while watched, on the final line when there are any.
  public var disappeared: [String]?

  /// A change line for `job`.
  public init(time: Date, change: Change?, job: BatchJob) {
    self.time = Self.format(time)
    self.change = change
    self.job = job
  }

  /// The final line for a finished watch.
  public init(time: Date, summary: WatchSummary) {
    self.time = Self.format(time)
    self.change = .final
    self.jobs = summary.jobs
    self.disappeared = summary.disappeared.isEmpty ? nil : summary.disappeared
    switch summary.outcome {
    case .allTerminal: outcome = "finished"
    case .failFast: outcome = "fail_fast"
    case .timedOut: outcome = "timeout"
    }
  }

  private static func format(_ date: Date) -> String {
    date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
  }
}
