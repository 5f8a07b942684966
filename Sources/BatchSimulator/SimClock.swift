import Foundation
import NIOConcurrencyHelpers

/// A clock for simulated time that runs `speed` times faster than real time and can be advanced by hand.
///
/// Simulated time is `start + realElapsed × speed + manualOffset`, in seconds since the Unix epoch. A clock with
/// speed 0 (see ``manual(start:)``) stands still until ``advance(by:)`` moves it, which makes lifecycle tests
/// instant and exact.
public final class SimClock: Sendable {
  private struct State {
    var baseSimTime: Double
    var baseUptime: UInt64
    var speed: Double
  }

  private let state: NIOLockedValueBox<State>

  /// Creates a clock that starts at `start` (default: the real now) and runs at `speed` × real time.
  public init(start: Date = Date(), speed: Double = 1) {
    state = NIOLockedValueBox(
      State(baseSimTime: start.timeIntervalSince1970, baseUptime: Self.uptime(), speed: max(0, speed)))
  }

  /// A clock that stands still at `start` and moves only when advanced.
  public static func manual(start: Date = Date()) -> SimClock {
    SimClock(start: start, speed: 0)
  }

  /// The current simulated time in seconds since the Unix epoch.
  public var now: Double {
    state.withLockedValue { Self.simTime($0, at: Self.uptime()) }
  }

  /// The current simulated time as a `Date`.
  public var date: Date { Date(timeIntervalSince1970: now) }

  /// How many simulated seconds pass per real second.
  public var speed: Double {
    get { state.withLockedValue { $0.speed } }
    set { setSpeed(newValue) }
  }

  /// Changes the speed from now on; time already elapsed is kept.
  public func setSpeed(_ speed: Double) {
    let uptime = Self.uptime()
    state.withLockedValue { state in
      state.baseSimTime = Self.simTime(state, at: uptime)
      state.baseUptime = uptime
      state.speed = max(0, speed)
    }
  }

  /// Moves simulated time forward (or backward, for a negative amount) by `seconds`.
  public func advance(by seconds: Double) {
    state.withLockedValue { $0.baseSimTime += seconds }
  }

  // MARK: - Private

  private static func simTime(_ state: State, at uptime: UInt64) -> Double {
    let elapsed = Double(uptime &- state.baseUptime) / 1e9
    return state.baseSimTime + elapsed * state.speed
  }

  private static func uptime() -> UInt64 {
    DispatchTime.now().uptimeNanoseconds
  }
}
