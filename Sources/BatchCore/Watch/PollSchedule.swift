/// When a watch polls next: an adaptive interval that grows while nothing changes; a value type that does no I/O.
///
/// The first poll happens at once (`firstDelay`). After each poll, `nextDelay(changed:retryAfter:random:)` returns
/// the wait before the next one: the base interval after a change (or after the first poll), ×`growthFactor` after
/// each poll where nothing changed, capped at `maxInterval`, with ±`jitter` spread so many clients do not poll in
/// step. A failed poll counts as "nothing changed", so outages back off too; a server's `Retry-After` is a floor.
public struct PollSchedule: Sendable, Equatable {
  /// The interval when the user gives none (`watch --interval`).
  public static let defaultInterval = 5.0
  /// The shortest base interval accepted; smaller values are raised to it so a watch can never spin.
  public static let minimumInterval = 0.05

  /// The interval after a change, in seconds.
  public private(set) var baseInterval: Double
  /// How much the interval grows after each poll where nothing changed.
  public var growthFactor: Double
  /// The longest wait between polls in seconds (or the base interval, when that is longer).
  public var maxInterval: Double
  /// The jitter as a fraction of the interval: 0.1 spreads each delay over ±10 %.
  public var jitter: Double
  /// The nominal (unjittered) interval used for the latest delay.
  public private(set) var currentInterval: Double
  /// Whether at least one poll has been scheduled after; false until the first `nextDelay` call.
  public private(set) var hasPolled = false

  public init(
    baseInterval: Double = PollSchedule.defaultInterval, growthFactor: Double = 1.5, maxInterval: Double = 60,
    jitter: Double = 0.1
  ) {
    let base = Self.sanitized(baseInterval)
    self.baseInterval = base
    self.growthFactor = max(growthFactor, 1)
    self.maxInterval = maxInterval
    self.jitter = min(max(jitter, 0), 1)
    self.currentInterval = base
  }

  // MARK: - Decisions

  /// The wait before the very first poll: none.
  public var firstDelay: Double { 0 }

  /// The longest delay the schedule produces (without `Retry-After`).
  public var cap: Double { max(maxInterval, baseInterval) }

  /// Returns the seconds to wait after a poll, and moves the schedule on.
  ///
  /// - Parameters:
  ///   - changed: whether the poll saw any change (status, progress or a job disappearing) in a watched job.
  ///   - retryAfter: the seconds a server asked us to wait (a 429's `Retry-After`); the delay is never shorter.
  ///   - random: a number in 0..<1 that picks the jitter (injected so tests are exact; 0.5 means none).
  public mutating func nextDelay(changed: Bool, retryAfter: Double? = nil, random: Double) -> Double {
    if changed || !hasPolled {
      currentInterval = baseInterval
    } else {
      currentInterval = min(currentInterval * growthFactor, cap)
    }
    hasPolled = true
    let spread = jitter * (2 * min(max(random, 0), 1) - 1)
    var delay = min(currentInterval * (1 + spread), cap)
    if let retryAfter, retryAfter.isFinite, retryAfter > delay { delay = retryAfter }
    return delay
  }

  /// Changes the base interval (the fastest subscriber's), keeping the current interval within the new bounds.
  ///
  /// A shorter base restarts from it, so a new, faster subscriber is served at its own pace; a longer one only
  /// raises the current interval to it.
  public mutating func setBaseInterval(_ seconds: Double) {
    let base = Self.sanitized(seconds)
    if base < baseInterval { currentInterval = base } else { currentInterval = max(currentInterval, base) }
    baseInterval = base
  }

  /// Forgets the history: the next poll is treated as the first.
  public mutating func reset() {
    currentInterval = baseInterval
    hasPolled = false
  }

  static func sanitized(_ seconds: Double) -> Double {
    guard seconds.isFinite else { return defaultInterval }
    return max(seconds, minimumInterval)
  }
}
