import BatchCommands
import Synchronization

/// One request's ordered channel to the writer: its `watch/update` notifications, then its response, then nothing.
///
/// Notifications are encoded by the sending task and queued under the channel's lock; closing the channel queues the
/// response under the same lock, so every notification of a request is written before its response even while other
/// requests write at the same time. Events that arrive after the close are dropped.
final class RequestChannel: CommandEventSink {
  /// The request's id; nil for a notification, whose events are dropped (nobody could match them).
  let id: RequestID?
  private let writer: OutputWriter
  private let notice: @Sendable (String) -> Void
  private let isOpen = Mutex(true)

  init(id: RequestID?, writer: OutputWriter, notice: @escaping @Sendable (String) -> Void) {
    self.id = id
    self.writer = writer
    self.notice = notice
  }

  // MARK: - CommandEventSink

  func send(_ event: CommandEvent) {
    switch event {
    case .jobUpdated(let job, _):
      guard let id else { return }
      let line = MessageEncoder.watchUpdate(job, requestID: id)
      isOpen.withLock { open in
        if open { writer.enqueue(line) }
      }
    case .notice(let text):
      notice(id.map { "request \($0): \(text)" } ?? text)
    case .downloadProgress:
      break
    }
  }

  // MARK: - Closing

  /// Queues the response (if any) after every notification sent so far, and drops later events.
  func close(with response: [UInt8]?) {
    isOpen.withLock { open in
      open = false
      if let response { writer.enqueue(response) }
    }
  }
}
