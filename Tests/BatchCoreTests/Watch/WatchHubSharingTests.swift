import Testing

@testable import BatchCore

/// Request counts: one `get` for one job, one `list` per tick for more, shared by every subscription.
@Suite(.timeLimit(.minutes(1))) struct WatchHubSharingTests {
  typealias T = WatchTestSupport

  @Test func oneJobIsPolledWithGetAtOnce() async throws {
    let api = FakeBatchAPI(jobs: [T.job("a", progress: 10)])
    let clock = TestClock()
    let hub = T.hub(api, clock)
    var events = await T.watch(hub, .jobs(["a"]))
    let snapshot = try await nextEvent(&events)
    #expect(snapshot == .snapshot([T.job("a", progress: 10)]))
    #expect(clock.elapsed == 0)
    #expect(await api.getCalls == 1)
    #expect(await api.listCalls == 0)
  }

  @Test func twoJobsCostOneListPerTick() async throws {
    let api = FakeBatchAPI(jobs: [T.job("a"), T.job("b"), T.job("c")])
    let clock = TestClock()
    let hub = T.hub(api, clock)
    var events = await T.watch(hub, .jobs(["a", "b"]))
    _ = try await nextEvent(&events)
    for tick in 1...3 {
      await clock.waitForSleepers()
      clock.advance(seconds: 60)
      await clock.waitForSleepers()
      #expect(await api.listCalls == 1 + tick)
    }
    #expect(await api.getCalls == 0)
  }

  @Test func twoWatchesOfOneJobShareOnePoller() async throws {
    let api = FakeBatchAPI(jobs: [T.job("a", progress: 10)])
    let clock = TestClock()
    let hub = T.hub(api, clock)
    var first = await T.watch(hub, .jobs(["a"]))
    _ = try await nextEvent(&first)
    var second = await T.watch(hub, .jobs(["a"]))
    _ = try await nextEvent(&second)
    #expect(await api.calls == 1)
    await clock.waitForSleepers()
    await api.set("a", .inProgress, progress: 30)
    clock.advance(seconds: 5)
    let one = try await nextEvent(&first)
    let two = try await nextEvent(&second)
    #expect(one?.update?.job.progress == 30)
    #expect(two == one)
    #expect(await api.getCalls == 2)
    #expect(await api.listCalls == 0)
  }

  @Test func aThousandWatchesOfAThousandJobsCostOneListPerTick() async throws {
    let ids = (0..<1_000).map { "batch-\($0)" }
    let api = FakeBatchAPI(jobs: ids.map { T.job($0, progress: 0) })
    let clock = TestClock()
    let hub = T.hub(api, clock)
    // Subscribe concurrently, as a JSON-RPC server does.
    let streams = await withTaskGroup(of: (Int, AsyncThrowingStream<WatchEvent, any Error>).self) { group in
      for (index, id) in ids.enumerated() {
        group.addTask { (index, await hub.watch(.jobs([id]))) }
      }
      var streams: [AsyncThrowingStream<WatchEvent, any Error>?] = Array(repeating: nil, count: ids.count)
      for await (index, stream) in group { streams[index] = stream }
      return streams.compactMap { $0 }
    }
    var iterators = streams.map { $0.makeAsyncIterator() }
    for index in iterators.indices {
      let event = try await nextEvent(&iterators[index])
      #expect(event?.snapshotJobs?.map(\.id) == [ids[index]])
    }
    // Start-up: one list (at most one `get` before the others arrived).
    #expect(await api.listCalls == 1)
    #expect(await api.getCalls <= 1)
    #expect(await hub.subscriptionCount == 1_000)
    await api.resetCounts()
    for tick in 1...3 {
      await clock.waitForSleepers()
      for id in ids { await api.set(id, .inProgress, progress: Double(tick)) }
      clock.advance(seconds: 5)
      for index in iterators.indices {
        let event = try await nextEvent(&iterators[index])
        #expect(event?.update?.job == T.job(ids[index], progress: Double(tick)))
      }
      await clock.waitForSleepers()
      #expect(await api.listCalls == tick)
    }
    #expect(await api.getCalls == 0)
  }

  @Test func theTickUsesTheSmallestInterval() async throws {
    let api = FakeBatchAPI(jobs: [T.job("a"), T.job("b")])
    let clock = TestClock()
    let hub = T.hub(api, clock)
    var slow = await T.watch(hub, .jobs(["a"], interval: 10))
    _ = try await nextEvent(&slow)
    await clock.waitForSleepers()
    #expect(clock.nextDeadline == 10)
    var fast = await T.watch(hub, .jobs(["b"], interval: 2))
    _ = try await nextEvent(&fast)
    await clock.waitForSleepers()
    #expect(await hub.baseInterval == 2)
    #expect(clock.nextDeadline == 2)
  }
}
