import Foundation
import Synchronization

/// Lines read from the server's output, handed to the test one at a time, with a timeout.
final class LineInbox: Sendable {
  private struct State {
    var lines: [String] = []
    var next = 0
    var closed = false
    var waiter: (key: Int, continuation: CheckedContinuation<String?, Never>)?
    var nextKey = 0
  }

  private let state = Mutex(State())

  /// Every line received so far, in order (including those already taken).
  var all: [String] { state.withLock { $0.lines } }

  func push(_ line: String) {
    let waiter = state.withLock { state -> CheckedContinuation<String?, Never>? in
      state.lines.append(line)
      guard let waiter = state.waiter else { return nil }
      state.waiter = nil
      state.next += 1
      return waiter.continuation
    }
    waiter?.resume(returning: line)
  }

  func close() {
    let waiter = state.withLock { state -> CheckedContinuation<String?, Never>? in
      state.closed = true
      defer { state.waiter = nil }
      return state.waiter?.continuation
    }
    waiter?.resume(returning: nil)
  }

  var isClosed: Bool { state.withLock { $0.closed } }

  /// The next line not yet taken, or nil after `timeout` seconds or at end of output.
  func next(timeout: Double) async -> String? {
    let key = state.withLock { state -> Int in
      state.nextKey += 1
      return state.nextKey
    }
    return await withCheckedContinuation { (continuation: CheckedContinuation<String?, Never>) in
      let ready = state.withLock { state -> String?? in
        if state.next < state.lines.count {
          state.next += 1
          return .some(state.lines[state.next - 1])
        }
        if state.closed { return .some(nil) }
        state.waiter = (key, continuation)
        return .none
      }
      if let ready {
        continuation.resume(returning: ready)
        return
      }
      Task {
        try? await Task.sleep(for: .seconds(timeout))
        let expired = self.state.withLock { state -> CheckedContinuation<String?, Never>? in
          guard let waiter = state.waiter, waiter.key == key else { return nil }
          state.waiter = nil
          return waiter.continuation
        }
        expired?.resume(returning: nil)
      }
    }
  }
}
