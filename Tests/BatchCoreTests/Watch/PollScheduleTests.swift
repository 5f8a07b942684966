import Testing

@testable import BatchCore

/// The adaptive poll schedule: first poll at once, ×1.5 growth, reset on change, 60 s cap, jitter, Retry-After.
@Suite struct PollScheduleTests {
  // MARK: - Growth and reset

  @Test func firstPollIsAtOnceThenBaseInterval() {
    var schedule = PollSchedule(baseInterval: 5)
    #expect(schedule.firstDelay == 0)
    #expect(schedule.nextDelay(changed: false, random: 0.5) == 5)
  }

  @Test func growsByHalfWhileNothingChanges() {
    var schedule = PollSchedule(baseInterval: 4)
    let delays = (0..<4).map { _ in schedule.nextDelay(changed: false, random: 0.5) }
    #expect(delays == [4, 6, 9, 13.5])
  }

  @Test func goesBackToBaseAfterAChange() {
    var schedule = PollSchedule(baseInterval: 2)
    for _ in 0..<5 { _ = schedule.nextDelay(changed: false, random: 0.5) }
    #expect(schedule.nextDelay(changed: true, random: 0.5) == 2)
    #expect(schedule.nextDelay(changed: false, random: 0.5) == 3)
  }

  @Test func isCappedAtSixtySeconds() {
    var schedule = PollSchedule(baseInterval: 5)
    var delays: [Double] = []
    for _ in 0..<20 { delays.append(schedule.nextDelay(changed: false, random: 0.999)) }
    #expect(delays.allSatisfy { $0 <= 60 })
    #expect(delays.last == 60)
    #expect(schedule.currentInterval == 60)
  }

  @Test func aBaseLongerThanTheCapIsKept() {
    var schedule = PollSchedule(baseInterval: 90)
    #expect(schedule.nextDelay(changed: false, random: 0.5) == 90)
    #expect(schedule.nextDelay(changed: false, random: 0.5) == 90)
  }

  @Test func fractionalAndTinyIntervals() {
    var schedule = PollSchedule(baseInterval: 0.5)
    #expect(schedule.nextDelay(changed: false, random: 0.5) == 0.5)
    #expect(PollSchedule(baseInterval: 0).baseInterval == PollSchedule.minimumInterval)
    #expect(PollSchedule(baseInterval: .nan).baseInterval == PollSchedule.defaultInterval)
  }

  // MARK: - Jitter

  @Test(arguments: [0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.9999])
  func jitterStaysWithinTenPercent(random: Double) {
    var schedule = PollSchedule(baseInterval: 10)
    let delay = schedule.nextDelay(changed: false, random: random)
    #expect(delay >= 9 && delay <= 11)
  }

  @Test func jitterSpansBothSides() {
    var low = PollSchedule(baseInterval: 10)
    var high = PollSchedule(baseInterval: 10)
    #expect(abs(low.nextDelay(changed: false, random: 0) - 9) < 1e-9)
    #expect(high.nextDelay(changed: false, random: 0.9999) > 10.99)
  }

  // MARK: - Retry-After and base changes

  @Test func retryAfterIsAFloor() {
    var schedule = PollSchedule(baseInterval: 5)
    #expect(schedule.nextDelay(changed: false, retryAfter: 30, random: 0.5) == 30)
    #expect(schedule.nextDelay(changed: false, retryAfter: 1, random: 0.5) == 7.5)
    #expect(schedule.nextDelay(changed: false, retryAfter: 120, random: 0.5) == 120)
  }

  @Test func aShorterBaseRestartsFromIt() {
    var schedule = PollSchedule(baseInterval: 10)
    for _ in 0..<3 { _ = schedule.nextDelay(changed: false, random: 0.5) }
    schedule.setBaseInterval(2)
    #expect(schedule.currentInterval == 2)
    schedule.setBaseInterval(8)
    #expect(schedule.currentInterval == 8)
    #expect(schedule.nextDelay(changed: true, random: 0.5) == 8)
  }

  @Test func resetMakesTheNextPollTheFirst() {
    var schedule = PollSchedule(baseInterval: 5)
    for _ in 0..<3 { _ = schedule.nextDelay(changed: false, random: 0.5) }
    schedule.reset()
    #expect(schedule.nextDelay(changed: false, random: 0.5) == 5)
  }
}
