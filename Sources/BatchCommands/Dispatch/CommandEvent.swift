import BatchCore

/// Progress a command reports while it runs: watch updates, download progress, notices.
public enum CommandEvent: Sendable, Equatable {
  /// A watched job was first seen or changed status or progress; `progress` carries the ETA once known.
  case jobUpdated(BatchJob, progress: JobProgressInfo?)
  /// A download got further; `path` is the destination.
  case downloadProgress(path: String, progress: DownloadProgress)
  /// Something worth telling the user that is not an error, such as a transient failure being retried.
  case notice(String)
}

/// Where a command's events go; each front end provides one (live lines, NDJSON, JSON-RPC notifications).
///
/// `send` is called from any task and must not block for long: queue the event and return.
public protocol CommandEventSink: Sendable {
  func send(_ event: CommandEvent)
}

/// A sink that drops every event.
public struct DiscardingEventSink: CommandEventSink {
  public init() {}
  public func send(_ event: CommandEvent) {}
}

/// A sink that hands every event to a closure.
public struct ClosureEventSink: CommandEventSink {
  private let handler: @Sendable (CommandEvent) -> Void

  public init(_ handler: @escaping @Sendable (CommandEvent) -> Void) {
    self.handler = handler
  }

  public func send(_ event: CommandEvent) { handler(event) }
}
