import BatchCommands
import Synchronization

/// An event sink that keeps every event, for assertions.
final class RecordingEventSink: CommandEventSink {
  private let recorded = Mutex<[CommandEvent]>([])

  func send(_ event: CommandEvent) {
    recorded.withLock { $0.append(event) }
  }

  var events: [CommandEvent] { recorded.withLock { $0 } }
}
