import Synchronization

/// An async counting semaphore: at most `limit` holders at a time, the others wait in order; waiting is cancellable.
///
/// The server runs short commands through it so thousands of requests written at once do not all start HTTP
/// requests together: the HTTP client pools a few dozen connections anyway, and every request queued inside it holds
/// memory and timers. Each request is still its own task; only the start of its work waits.
final class ConcurrencyLimiter: Sendable {
  private struct State {
    var available: Int
    var waiters: [Int: CheckedContinuation<Void, any Error>] = [:]
    /// Waiter keys in arrival order; keys whose waiter was cancelled are skipped.
    var queue: [Int] = []
    var head = 0
    var nextKey = 0
  }

  let limit: Int
  private let state: Mutex<State>

  init(limit: Int) {
    self.limit = max(1, limit)
    state = Mutex(State(available: max(1, limit)))
  }

  // MARK: - Acquiring

  /// Waits for a permit; throws `CancellationError` if the task is cancelled first (no permit is then held).
  func acquire() async throws {
    let key = state.withLock { state -> Int? in
      if state.available > 0 {
        state.available -= 1
        return nil
      }
      state.nextKey += 1
      return state.nextKey
    }
    guard let key else { return }
    try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
        let cancelled = state.withLock { state -> Bool in
          if Task.isCancelled { return true }
          state.waiters[key] = continuation
          state.queue.append(key)
          return false
        }
        if cancelled { continuation.resume(throwing: CancellationError()) }
      }
    } onCancel: {
      let waiter = state.withLock { $0.waiters.removeValue(forKey: key) }
      waiter?.resume(throwing: CancellationError())
    }
  }

  /// Gives a permit back, to the longest-waiting task if any.
  func release() {
    let next = state.withLock { state -> CheckedContinuation<Void, any Error>? in
      while state.head < state.queue.count {
        let key = state.queue[state.head]
        state.head += 1
        if state.head > 1024, state.head * 2 > state.queue.count {
          state.queue.removeFirst(state.head)
          state.head = 0
        }
        if let waiter = state.waiters.removeValue(forKey: key) { return waiter }
      }
      state.available += 1
      return nil
    }
    next?.resume()
  }

  /// Runs `work` holding a permit.
  func withPermit<T: Sendable>(_ work: () async throws -> T) async throws -> T {
    try await acquire()
    defer { release() }
    return try await work()
  }
}
