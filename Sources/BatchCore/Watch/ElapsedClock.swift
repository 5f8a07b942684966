/// An injected clock seen as seconds elapsed since the hub was made, so the hub's state holds plain numbers.
///
/// Wraps any `Clock<Duration>` (`ContinuousClock` in production, a manual clock in tests); the hub never reads the
/// time or sleeps any other way.
struct ElapsedClock: Sendable {
  /// Seconds elapsed since this value was made.
  let elapsed: @Sendable () -> Double
  /// Sleeps until `elapsed()` reaches the given value; throws `CancellationError` when its task is cancelled.
  let sleepUntil: @Sendable (Double) async throws -> Void

  init<C: Clock>(_ clock: C) where C.Duration == Duration {
    let origin = clock.now
    elapsed = { Self.seconds(origin.duration(to: clock.now)) }
    sleepUntil = { seconds in
      try await clock.sleep(until: origin.advanced(by: .seconds(seconds)), tolerance: nil)
    }
  }

  /// A duration in seconds as a `Double`.
  static func seconds(_ duration: Duration) -> Double {
    let parts = duration.components
    return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
  }
}
