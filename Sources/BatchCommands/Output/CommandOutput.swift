import BatchCore

/// What a command produced, before rendering: the same value feeds the table, JSON and JSON-RPC renderers.
public enum CommandOutput: Sendable, Equatable {
  /// One job (`get`).
  case job(BatchJob)
  /// Jobs in display order (`list`).
  case jobs([BatchJob])
  /// The jobs whose cancel was accepted and the ids that failed, each in the order given.
  case cancel(jobs: [BatchJob], failures: [CancelFailure])
  /// The final state of the watched jobs.
  case watch(WatchResult)
  /// A saved file.
  case download(DownloadResult)
  /// Help text.
  case help(String)
  /// The session's settings after `set`, and the ones to show (none after a change); a line session adopts them.
  case settings(ShellSettings, shown: [ShellSettings.Name])
  /// The session should end.
  case quit
  /// Nothing to show.
  case none

  /// The jobs the output carries, for the job-id cache.
  public var jobs: [BatchJob] {
    switch self {
    case .job(let job): return [job]
    case .jobs(let jobs), .cancel(let jobs, _): return jobs
    case .watch(let result): return result.jobs
    case .download, .help, .settings, .quit, .none: return []
    }
  }
}

/// One id of a `cancel` that failed, with why.
public struct CancelFailure: Sendable, Equatable {
  public var id: String
  public var error: BatchError

  public init(id: String, error: BatchError) {
    self.id = id
    self.error = error
  }
}

/// How a watch ended, with the flags that decide its exit status and its last touch.
public struct WatchResult: Sendable, Equatable {
  /// The engine's summary: final jobs, disappeared ids and why it stopped.
  public var summary: WatchSummary
  /// Whether `--exit-status` was given, so unsuccessful ends give exit status 3.
  public var exitStatusRequested: Bool
  /// Whether `--bell` was given.
  public var bell: Bool
  /// The `--timeout` in seconds, when one was given.
  public var timeout: Double?

  public init(summary: WatchSummary, exitStatusRequested: Bool = false, bell: Bool = false, timeout: Double? = nil) {
    self.summary = summary
    self.exitStatusRequested = exitStatusRequested
    self.bell = bell
    self.timeout = timeout
  }

  /// The final jobs.
  public var jobs: [BatchJob] { summary.jobs }
}
