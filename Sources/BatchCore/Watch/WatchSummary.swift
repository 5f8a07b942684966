/// How a watch ended: the final jobs, the ones that disappeared and why it stopped.
public struct WatchSummary: Sendable, Equatable {
  /// Why a watch stopped.
  public enum Outcome: Sendable, Equatable {
    /// Every watched job reached a terminal state or disappeared.
    case allTerminal
    /// `failFast` stopped the watch at this job, which ended `FAILED` or `EXPIRED`.
    case failFast(jobID: String)
    /// The watch's timeout ran out first.
    case timedOut
  }

  /// The watched jobs as last seen, in the request's order (a job never seen before a timeout is absent).
  public var jobs: [BatchJob]
  /// Ids of the jobs that disappeared (404) while watched; they count as finished, not as completed.
  public var disappeared: [String]
  public var outcome: Outcome

  public init(jobs: [BatchJob], disappeared: [String] = [], outcome: Outcome) {
    self.jobs = jobs
    self.disappeared = disappeared
    self.outcome = outcome
  }

  // MARK: - Facts for exit codes

  /// Whether the timeout ran out.
  public var timedOut: Bool { outcome == .timedOut }

  /// Whether every watched job ended `COMPLETED` (vacuously true for an `--active` watch that found none).
  public var allCompleted: Bool {
    disappeared.isEmpty && jobs.allSatisfy { $0.status == .completed }
  }

  /// The jobs that ended without their full output (`FAILED`, `EXPIRED`, `CANCELLED`).
  public var unsuccessful: [BatchJob] { jobs.filter { $0.status?.isUnsuccessfulEnd ?? false } }

  /// The `watch --exit-status` code (SPEC §4): 124 on timeout, 0 when every job completed, 3 otherwise.
  public var exitStatus: Int32 {
    if timedOut { return 124 }
    return allCompleted ? 0 : 3
  }
}
