@testable import BatchRPC
import Synchronization
import Testing

/// The async semaphore bounding how many commands run at once.
@Suite(.timeLimit(.minutes(1))) struct ConcurrencyLimiterTests {
  /// Shared, lockable test state.
  final class Record: Sendable {
    let running = Mutex((now: 0, peak: 0))
    let order = Mutex<[Int]>([])
  }

  @Test func neverLetsMoreThanTheLimitRunAtOnce() async throws {
    let limiter = ConcurrencyLimiter(limit: 3)
    let record = Record()
    try await withThrowingTaskGroup(of: Void.self) { group in
      for _ in 0..<40 {
        group.addTask {
          try await limiter.acquire()
          record.running.withLock { state in
            state.now += 1
            state.peak = max(state.peak, state.now)
          }
          try await Task.sleep(for: .milliseconds(2))
          record.running.withLock { $0.now -= 1 }
          limiter.release()
        }
      }
      try await group.waitForAll()
    }
    #expect(record.running.withLock { $0.peak } == 3)
  }

  @Test func aCancelledWaiterGivesUpWithoutTakingAPermit() async throws {
    let limiter = ConcurrencyLimiter(limit: 1)
    try await limiter.acquire()
    let waiter = Task { try await limiter.acquire() }
    try await Task.sleep(for: .milliseconds(20))
    waiter.cancel()
    await #expect(throws: CancellationError.self) { try await waiter.value }
    limiter.release()
    try await limiter.acquire()
    limiter.release()
  }

  @Test func waitersAreServedInOrder() async throws {
    let limiter = ConcurrencyLimiter(limit: 1)
    let record = Record()
    try await limiter.acquire()
    var tasks: [Task<Void, any Error>] = []
    for index in 0..<5 {
      let task = Task {
        try await limiter.acquire()
        record.order.withLock { $0.append(index) }
        limiter.release()
      }
      tasks.append(task)
      try await Task.sleep(for: .milliseconds(10))
    }
    limiter.release()
    for task in tasks { try await task.value }
    #expect(record.order.withLock { $0 } == [0, 1, 2, 3, 4])
  }
}
