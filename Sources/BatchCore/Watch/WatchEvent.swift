/// One thing a watch reports to its subscriber, in the order it happened.
///
/// A stream starts with `snapshot` (or ends early with an error), then carries changes, and ends with `finished`.
/// A job produces at most one change event per poll: `statusChanged` when its status moved (its progress may have
/// moved too), otherwise `progressChanged`.
public enum WatchEvent: Sendable, Equatable {
  /// The watched jobs as first seen, in the request's order (for `--active`: the active jobs, server order).
  case snapshot([BatchJob])
  /// A job's status changed; `update.previous.status` is the old one.
  case statusChanged(JobUpdate)
  /// A job's progress changed while its status did not.
  case progressChanged(JobUpdate)
  /// A job that was seen before is gone (404); it counts as finished for this watch. Carries it as last seen.
  case disappeared(BatchJob)
  /// A poll failed with a transient error; the watch goes on and tries again.
  case retrying(WatchRetry)
  /// A poll succeeded again after `afterAttempts` failed ones.
  case recovered(afterAttempts: Int)
  /// The watch is over; always the last event of a stream that does not end with an error.
  case finished(WatchSummary)
}

/// A watched job before and after a change, with what is known about its progress.
public struct JobUpdate: Sendable, Equatable {
  /// The job now.
  public var job: BatchJob
  /// The job as seen at the poll before.
  public var previous: BatchJob
  /// The job's progress and ETA now.
  public var progress: JobProgressInfo

  public init(job: BatchJob, previous: BatchJob, progress: JobProgressInfo) {
    self.job = job
    self.previous = previous
    self.progress = progress
  }
}

/// A job's progress as a fraction and, once it can be estimated, the time it still needs.
public struct JobProgressInfo: Sendable, Equatable {
  /// Progress as a fraction 0...1, nil when the server sent none.
  public var fraction: Double?
  /// The seconds still needed: 0 for a `COMPLETED` job, an estimate for a running job whose progress rose over
  /// recent polls, nil otherwise.
  public var etaSeconds: Double?
  /// Whether `etaSeconds` is an estimate from the progress rate (false when it is known or unknown).
  public var isEstimate: Bool

  public init(fraction: Double?, etaSeconds: Double?, isEstimate: Bool) {
    self.fraction = fraction
    self.etaSeconds = etaSeconds
    self.isEstimate = isEstimate
  }

  /// What is known about `job` given its ETA estimator.
  public init(job: BatchJob, estimator: ETAEstimator?) {
    fraction = job.progressFraction
    if job.status == .completed {
      etaSeconds = 0
      isEstimate = false
    } else if !job.isTerminal, let eta = estimator?.etaSeconds {
      etaSeconds = eta
      isEstimate = true
    } else {
      etaSeconds = nil
      isEstimate = false
    }
  }
}

/// A failed poll that the watch will try again: the error, how many polls in a row failed and when the next is.
public struct WatchRetry: Sendable, Equatable {
  public var error: BatchError
  /// Consecutive failed polls, counting this one (1 for the first failure).
  public var attempt: Int
  /// Seconds until the next try.
  public var nextTryIn: Double

  public init(error: BatchError, attempt: Int, nextTryIn: Double) {
    self.error = error
    self.attempt = attempt
    self.nextTryIn = nextTryIn
  }
}
