import Synchronization

/// Runs an operation that reads from the server and fails it with `BatchError.timeout` once it has gone `seconds`
/// without saying it is waiting again: the idle timeout of a download's body, which the HTTP client does not time
/// (it has no read timeout, see `ResponseCollector`).
///
/// The operation runs in a child task; a second one sleeps until the timeout would fall and throws if nothing moved
/// it since, which cancels the first.
struct IdleWatchdog {
  /// When the operation last said it was waiting for the server.
  final class Activity: Sendable {
    private let last = Mutex(ContinuousClock.now)

    /// Notes that the operation has done its work and waits for the server again, from now.
    func touch() { last.withLock { $0 = .now } }

    var lastTouch: ContinuousClock.Instant { last.withLock { $0 } }
  }

  let seconds: Double

  func run<T: Sendable>(_ operation: @escaping @Sendable (Activity) async throws -> T) async throws -> T {
    let activity = Activity()
    let timeout = Duration.milliseconds(Int64(seconds * 1000))
    let seconds = seconds
    return try await withThrowingTaskGroup(of: T.self) { group in
      group.addTask { try await operation(activity) }
      group.addTask {
        while true {
          let deadline = activity.lastTouch + timeout
          if ContinuousClock.now >= deadline { throw BatchError.timeout(seconds: seconds) }
          try await Task.sleep(until: deadline)
        }
      }
      defer { group.cancelAll() }
      return try await group.next()!
    }
  }
}
