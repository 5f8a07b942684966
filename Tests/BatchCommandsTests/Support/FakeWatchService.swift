import BatchCommands
import BatchCore
import Synchronization

/// A watch engine that replays scripted events and records the requests it got.
final class FakeWatchService: WatchService {
  private let script: [WatchEvent]
  private let failure: BatchError?
  private let recorded = Mutex<[WatchRequest]>([])

  init(_ script: [WatchEvent], thenFail failure: BatchError? = nil) {
    self.script = script
    self.failure = failure
  }

  var requests: [WatchRequest] { recorded.withLock { $0 } }

  func watch(_ request: WatchRequest) async -> AsyncThrowingStream<WatchEvent, any Error> {
    recorded.withLock { $0.append(request) }
    let (stream, continuation) = AsyncThrowingStream<WatchEvent, any Error>.makeStream()
    for event in script { continuation.yield(event) }
    continuation.finish(throwing: failure)
    return stream
  }
}
