import BatchCommands
import Synchronization

/// The work in flight: each request's task and id, for cancellation by id, for cancelling watches at end of input,
/// and for waiting until everything has answered.
///
/// A token is taken (lock-free) before the task is made so the task can name itself; the task is then registered
/// with it. A task that finishes before it is registered leaves its token behind, so the late registration is
/// dropped instead of waiting forever. Cancelling goes through `Task.cancel()`, so a task knows it was cancelled by
/// `Task.isCancelled`.
final class RequestRegistry: Sendable {
  /// Names one piece of work from before its task exists.
  struct Token: Hashable, Sendable {
    fileprivate let key: Int
  }

  private struct Entry {
    var id: RequestID?
    var isWatch: Bool
    var cancel: @Sendable () -> Void
  }

  private struct State {
    var entries: [Int: Entry] = [:]
    /// Tokens whose work finished before it was registered.
    var finishedEarly: Set<Int> = []
    var idleWaiters: [CheckedContinuation<Void, Never>] = []
  }

  private let nextKey = Atomic<Int>(0)
  private let state = Mutex(State())

  // MARK: - Lifecycle of one entry

  /// A fresh token.
  func token() -> Token {
    Token(key: nextKey.wrappingAdd(1, ordering: .relaxed).oldValue)
  }

  /// Records the task doing a token's work, answering `id` (nil for notifications and batch collectors).
  func register<Success: Sendable>(_ task: Task<Success, Never>, token: Token, id: RequestID?, isWatch: Bool) {
    state.withLock { state in
      if state.finishedEarly.remove(token.key) != nil { return }
      state.entries[token.key] = Entry(id: id, isWatch: isWatch, cancel: { task.cancel() })
    }
  }

  /// Forgets a token's work once its answer is queued; the last one out wakes `waitUntilIdle()`.
  func finish(_ token: Token) {
    let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
      guard state.entries.removeValue(forKey: token.key) != nil else {
        state.finishedEarly.insert(token.key)
        return []
      }
      guard state.entries.isEmpty else { return [] }
      defer { state.idleWaiters = [] }
      return state.idleWaiters
    }
    waiters.forEach { $0.resume() }
  }

  // MARK: - Cancelling

  /// Cancels every request whose id the value names; returns how many there were (0 for an unknown id).
  @discardableResult
  func cancel(matching id: JSONValue) -> Int {
    cancel { $0.id?.matches(id) ?? false }
  }

  /// Cancels every `watch` in flight (end of input).
  @discardableResult
  func cancelWatches() -> Int {
    cancel { $0.isWatch }
  }

  private func cancel(where predicate: (Entry) -> Bool) -> Int {
    let cancels = state.withLock { state in state.entries.values.filter(predicate).map(\.cancel) }
    cancels.forEach { $0() }
    return cancels.count
  }

  // MARK: - Draining

  /// How many tasks are in flight.
  var count: Int { state.withLock { $0.entries.count } }

  /// Returns once no work is in flight.
  func waitUntilIdle() async {
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
      let idle = state.withLock { state -> Bool in
        if state.entries.isEmpty { return true }
        state.idleWaiters.append(continuation)
        return false
      }
      if idle { continuation.resume() }
    }
  }
}
