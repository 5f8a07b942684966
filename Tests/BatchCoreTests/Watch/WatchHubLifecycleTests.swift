import Testing

@testable import BatchCore

/// The loop runs only while someone watches: cancellation removes a subscription, the last one out stops it.
@Suite(.timeLimit(.minutes(1))) struct WatchHubLifecycleTests {
  typealias T = WatchTestSupport

  @Test func cancellingTheConsumerRemovesItAndStopsTheLoop() async throws {
    let api = FakeBatchAPI(jobs: [T.job("a")])
    let clock = TestClock()
    let hub = T.hub(api, clock)
    let stream = await hub.watch(.jobs(["a"]))
    let consumer = Task {
      var count = 0
      for try await _ in stream { count += 1 }
      return count
    }
    await clock.waitForSleepers()
    #expect(await hub.isPolling)
    consumer.cancel()
    _ = try? await consumer.value
    await waitUntil("the subscription to go") { await hub.subscriptionCount == 0 }
    await waitUntil("the loop to stop") { await !hub.isPolling }
    #expect(clock.sleeperCount == 0)
    clock.advance(seconds: 60)
    #expect(await api.calls == 1)
  }

  @Test func cancellingOneOfTwoKeepsTheOther() async throws {
    let api = FakeBatchAPI(jobs: [T.job("a"), T.job("b")])
    let clock = TestClock()
    let hub = T.hub(api, clock)
    let cancelled = await hub.watch(.jobs(["a", "b"]))
    let consumer = Task { for try await _ in cancelled {} }
    var kept = await T.watch(hub, .jobs(["b"]))
    _ = try await nextEvent(&kept)
    consumer.cancel()
    await waitUntil("one subscription") { await hub.subscriptionCount == 1 }
    await clock.waitForSleepers()
    await api.resetCounts()
    clock.advance(seconds: 60)
    await clock.waitForSleepers()
    #expect(await api.getIDs == ["b"])
    #expect(await api.listCalls == 0)
  }

  @Test func theLoopRestartsOnTheNextWatch() async throws {
    let api = FakeBatchAPI(jobs: [T.job("a", .completed), T.job("b")])
    let clock = TestClock()
    let hub = T.hub(api, clock)
    var done = await T.watch(hub, .jobs(["a"]))
    _ = try await nextEvent(&done)
    #expect(try await nextEvent(&done)?.summary != nil)
    await waitUntil("the loop to stop") { await !hub.isPolling }
    var again = await T.watch(hub, .jobs(["b"]))
    #expect(try await nextEvent(&again)?.snapshotJobs == [T.job("b")])
    #expect(await hub.isPolling)
    #expect(await api.getIDs == ["a", "b"])
  }

  @Test func theScheduleGrowsAndResetsInTheHub() async throws {
    let api = FakeBatchAPI(jobs: [T.job("a", progress: 0)])
    let clock = TestClock()
    let hub = T.hub(api, clock)
    var events = await T.watch(hub, .jobs(["a"]))
    _ = try await nextEvent(&events)
    var deadlines: [Double] = []
    for _ in 0..<3 {
      await clock.waitForSleepers()
      let deadline = try #require(clock.nextDeadline)
      deadlines.append(deadline)
      clock.advance(seconds: deadline - clock.elapsed)
    }
    #expect(deadlines == [5, 12.5, 23.75])
    await clock.waitForSleepers()
    #expect(clock.nextDeadline == 23.75 + 16.875)
    await api.set("a", .inProgress, progress: 5)
    clock.advance(seconds: 16.875)
    _ = try await nextEvent(&events)
    await clock.waitForSleepers()
    #expect(clock.nextDeadline == 23.75 + 16.875 + 5)
  }
}
