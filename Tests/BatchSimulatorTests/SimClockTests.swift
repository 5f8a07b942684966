import BatchSimulator
import Foundation
import Testing

/// The simulated clock stands still when manual, runs scaled otherwise, and can always be advanced.
@Suite struct SimClockTests {
  @Test func manualClockMovesOnlyWhenAdvanced() async throws {
    let clock = SimClock.manual(start: SimulatorHarness.epoch)
    let start = clock.now
    try await Task.sleep(for: .milliseconds(20))
    #expect(clock.now == start)
    clock.advance(by: 12.5)
    #expect(clock.now == start + 12.5)
    #expect(clock.date == SimulatorHarness.epoch.addingTimeInterval(12.5))
  }

  @Test func scaledClockRunsFasterThanRealTime() async throws {
    let started = ContinuousClock.now
    let clock = SimClock(start: SimulatorHarness.epoch, speed: 100)
    try await Task.sleep(for: .milliseconds(50))
    let elapsed = clock.now - SimulatorHarness.epoch.timeIntervalSince1970
    let real = started.duration(to: .now)
    let realSeconds = Double(real.components.seconds) + Double(real.components.attoseconds) / 1e18
    #expect(elapsed >= 4.9 && elapsed <= realSeconds * 100)
  }

  @Test func speedChangesKeepElapsedTime() async throws {
    let clock = SimClock(start: SimulatorHarness.epoch, speed: 1000)
    try await Task.sleep(for: .milliseconds(10))
    clock.setSpeed(0)
    let frozen = clock.now
    #expect(frozen - SimulatorHarness.epoch.timeIntervalSince1970 >= 9.9)
    try await Task.sleep(for: .milliseconds(10))
    #expect(clock.now == frozen && clock.speed == 0)
  }
}
