import Foundation
import Testing

/// A manual clock for tests: time stands still until `advance(by:)`, which wakes the sleepers whose deadline passed.
///
/// A sleep whose deadline has already passed returns at once; a cancelled sleeper throws `CancellationError`.
final class TestClock: Clock, @unchecked Sendable {
  struct Instant: InstantProtocol {
    var offset: Duration

    func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
    func duration(to other: Instant) -> Duration { other.offset - offset }
    static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
  }

  private struct Sleeper {
    var deadline: Instant
    var continuation: CheckedContinuation<Void, any Error>
  }

  private let lock = NSLock()
  private var current = Instant(offset: .zero)
  private var sleepers: [Int: Sleeper] = [:]
  private var nextID = 0

  var now: Instant { lock.withLock { current } }
  var minimumResolution: Duration { .zero }

  /// How many tasks are sleeping on this clock.
  var sleeperCount: Int { lock.withLock { sleepers.count } }

  /// The earliest deadline among the sleepers, as seconds from the clock's start.
  var nextDeadline: Double? {
    lock.withLock { sleepers.values.map { Self.seconds($0.deadline.offset) }.min() }
  }

  /// Seconds since the clock's start.
  var elapsed: Double { Self.seconds(now.offset) }

  // MARK: - Sleeping

  func sleep(until deadline: Instant, tolerance: Duration?) async throws {
    let id = lock.withLock {
      nextID += 1
      return nextID
    }
    try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
        let resume: Result<Void, any Error>? = lock.withLock {
          if Task.isCancelled { return .failure(CancellationError()) }
          if deadline <= current { return .success(()) }
          sleepers[id] = Sleeper(deadline: deadline, continuation: continuation)
          return nil
        }
        if let resume { continuation.resume(with: resume) }
      }
    } onCancel: {
      let sleeper = lock.withLock { sleepers.removeValue(forKey: id) }
      sleeper?.continuation.resume(throwing: CancellationError())
    }
  }

  /// Moves time forward and wakes every sleeper whose deadline is now reached.
  func advance(by duration: Duration) {
    let woken: [Sleeper] = lock.withLock {
      current = current.advanced(by: duration)
      let due = sleepers.filter { $0.value.deadline <= current }
      for key in due.keys { sleepers[key] = nil }
      return Array(due.values)
    }
    for sleeper in woken { sleeper.continuation.resume() }
  }

  /// Moves time forward by `seconds`.
  func advance(seconds: Double) { advance(by: .seconds(seconds)) }

  // MARK: - Waiting for the code under test

  /// Waits (in real time, at most 10 s) until at least `count` tasks sleep on this clock.
  func waitForSleepers(_ count: Int = 1, sourceLocation: SourceLocation = #_sourceLocation) async {
    await waitUntil("\(count) sleeper(s)", sourceLocation: sourceLocation) { self.sleeperCount >= count }
  }

  static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
  }
}

/// Waits (in real time, at most 10 s) until `condition` holds, yielding meanwhile; records an issue when it never does.
func waitUntil(
  _ what: String, sourceLocation: SourceLocation = #_sourceLocation, _ condition: () async -> Bool
) async {
  let start = Date()
  while !(await condition()) {
    if Date().timeIntervalSince(start) > 10 {
      Issue.record("timed out waiting for \(what)", sourceLocation: sourceLocation)
      return
    }
    await Task.yield()
  }
}
