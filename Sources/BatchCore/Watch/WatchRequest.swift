/// What one watch follows and how: the jobs, the base interval, a timeout and whether to stop at the first failure.
public struct WatchRequest: Sendable, Equatable {
  /// The jobs a watch follows.
  public enum Target: Sendable, Equatable {
    /// These job ids (duplicates are ignored; order is kept for snapshots and summaries).
    case jobs([String])
    /// Every job that is not terminal at this watch's first poll, in the server's order. The set is fixed by that
    /// poll: jobs created later are not added.
    case active
  }

  public var target: Target
  /// The base poll interval in seconds (`--interval`); fractions are allowed. A hub shared by several watches
  /// polls at the smallest base interval among them.
  public var interval: Double
  /// Seconds (on the hub's clock) after which the watch ends with `WatchSummary.Outcome.timedOut`; nil for never.
  public var timeout: Double?
  /// Whether to stop at the first job found `FAILED` or `EXPIRED` (`--fail-fast`).
  ///
  /// `CANCELLED` does not stop the watch: a cancellation is a deliberate act, not a failure to react to. It still
  /// makes `WatchSummary.allCompleted` false, so `--exit-status` reports it.
  public var failFast: Bool
  /// Seconds without a successful poll after which transient failures end the watch with the last error.
  public var outageLimit: Double

  public init(
    target: Target, interval: Double = PollSchedule.defaultInterval, timeout: Double? = nil, failFast: Bool = false,
    outageLimit: Double = WatchRequest.defaultOutageLimit
  ) {
    self.target = target
    self.interval = interval
    self.timeout = timeout
    self.failFast = failFast
    self.outageLimit = outageLimit
  }

  /// A watch of the given job ids.
  public static func jobs(
    _ ids: [String], interval: Double = PollSchedule.defaultInterval, timeout: Double? = nil, failFast: Bool = false,
    outageLimit: Double = WatchRequest.defaultOutageLimit
  ) -> WatchRequest {
    WatchRequest(target: .jobs(ids), interval: interval, timeout: timeout, failFast: failFast, outageLimit: outageLimit)
  }

  /// A watch of every job active at its first poll (`watch --active`).
  public static func active(
    interval: Double = PollSchedule.defaultInterval, timeout: Double? = nil, failFast: Bool = false,
    outageLimit: Double = WatchRequest.defaultOutageLimit
  ) -> WatchRequest {
    WatchRequest(target: .active, interval: interval, timeout: timeout, failFast: failFast, outageLimit: outageLimit)
  }

  /// How long transient failures may last before a watch gives up: five minutes.
  public static let defaultOutageLimit = 300.0

  // MARK: - Derived values

  /// The job ids, without duplicates, in the order given; nil for `.active`.
  public var jobIDs: [String]? {
    guard case .jobs(let ids) = target else { return nil }
    var seen = Set<String>()
    return ids.filter { seen.insert($0).inserted }
  }

  /// Whether this job status ends the watch early under `failFast`.
  public static func stopsFailFast(_ status: BatchStatus?) -> Bool {
    status == .failed || status == .expired
  }
}
