import BatchCommands
import Synchronization

/// The work in flight: each request's task and id, for cancellation by id, for cancelling watches at end of input,
/// and for waiting until everything has answered.
///
/// A slot is reserved before its task exists and the task attached afterwards, so a task that finishes (or is
/// cancelled) before it is attached is handled correctly either way.
final class RequestRegistry: Sendable {
  /// A reserved slot.
  struct Token: Hashable, Sendable {
    fileprivate let key: Int
  }

  private struct Entry {
    var id: RequestID?
    var isWatch: Bool
    var cancelTask: (@Sendable () -> Void)?
    var cancelled = false
  }

  private struct State {
    var entries: [Int: Entry] = [:]
    var nextKey = 0
    var drainWaiters: [CheckedContinuation<Void, Never>] = []
  }

  private let state = Mutex(State())

  // MARK: - Lifecycle of one entry

  /// Reserves a slot for work answering `id` (nil for notifications and batch collectors).
  func reserve(id: RequestID?, isWatch: Bool) -> Token {
    state.withLock { state in
      let key = state.nextKey
      state.nextKey += 1
      state.entries[key] = Entry(id: id, isWatch: isWatch)
      return Token(key: key)
    }
  }

  /// Attaches the task doing a slot's work; it is cancelled at once if its cancellation came first.
  func attach<Success: Sendable>(_ task: Task<Success, Never>, to token: Token) {
    let cancelNow = state.withLock { state -> Bool in
      guard state.entries[token.key] != nil else { return false }
      state.entries[token.key]!.cancelTask = { task.cancel() }
      return state.entries[token.key]!.cancelled
    }
    if cancelNow { task.cancel() }
  }

  /// Whether the slot's work was cancelled (by the client or at end of input).
  func isCancelled(_ token: Token) -> Bool {
    state.withLock { $0.entries[token.key]?.cancelled ?? false }
  }

  /// Frees a slot once its answer is queued; the last one out wakes `waitUntilIdle()`.
  func finish(_ token: Token) {
    let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
      state.entries[token.key] = nil
      guard state.entries.isEmpty else { return [] }
      defer { state.drainWaiters = [] }
      return state.drainWaiters
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
    let cancels = state.withLock { state -> [(@Sendable () -> Void)?] in
      var cancels: [(@Sendable () -> Void)?] = []
      for (key, entry) in state.entries where !entry.cancelled && predicate(entry) {
        state.entries[key]!.cancelled = true
        cancels.append(entry.cancelTask)
      }
      return cancels
    }
    cancels.forEach { $0?() }
    return cancels.count
  }

  // MARK: - Draining

  /// How many slots are in use.
  var count: Int { state.withLock { $0.entries.count } }

  /// Returns once no work is in flight.
  func waitUntilIdle() async {
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
      let idle = state.withLock { state -> Bool in
        if state.entries.isEmpty { return true }
        state.drainWaiters.append(continuation)
        return false
      }
      if idle { continuation.resume() }
    }
  }
}
