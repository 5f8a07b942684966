import BatchCore
import Foundation

/// Everything a handler may use: the API, the job-id cache, the event sink, output preferences, time, the table.
///
/// Each front end builds one. Handlers cannot change it: a line session keeps its own copy of `output` and adopts the
/// settings `set` answers with (`set output json`) for the lines that follow.
public struct CommandContext: Sendable {
  public var api: any BatchAPI
  /// Job ids seen so far, for tab completion.
  public var jobIDs: JobIDCache
  /// Where streaming progress goes (watch updates, download progress).
  public var events: any CommandEventSink
  public var output: OutputOptions
  /// The current time, for relative ages and deadlines.
  public var now: @Sendable () -> Date
  public var table: CommandTable
  /// The front end running the command (help lists only what it offers).
  public var frontEnd: FrontEnd
  /// The directory relative download paths are resolved against.
  public var currentDirectory: String
  /// The watch engine (a `WatchHub`); without one, `watch` fails with a clear error.
  public var watcher: (any WatchService)?

  public init(
    api: any BatchAPI,
    jobIDs: JobIDCache = JobIDCache(),
    events: any CommandEventSink = DiscardingEventSink(),
    output: OutputOptions = OutputOptions(),
    now: @escaping @Sendable () -> Date = { Date() },
    table: CommandTable = .standard,
    frontEnd: FrontEnd,
    currentDirectory: String = FileManager.default.currentDirectoryPath,
    watcher: (any WatchService)? = nil
  ) {
    self.api = api
    self.jobIDs = jobIDs
    self.events = events
    self.output = output
    self.now = now
    self.table = table
    self.frontEnd = frontEnd
    self.currentDirectory = currentDirectory
    self.watcher = watcher
  }

  /// Reloads the job-id cache from the server; shells call it in the background at start and now and then.
  public func refreshJobIDs() async throws {
    try await jobIDs.refresh(using: api)
  }
}
