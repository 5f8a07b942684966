import Testing

@testable import BatchCore

/// What a subscription sees: snapshot, changes, disappearance, fail-fast, timeout, `--active`, ETA.
@Suite(.timeLimit(.minutes(1))) struct WatchHubEventsTests {
  typealias T = WatchTestSupport

  @Test func statusAndProgressChangesThenFinished() async throws {
    let api = FakeBatchAPI(jobs: [T.job("a", .validating)])
    let clock = TestClock()
    let hub = T.hub(api, clock)
    var events = await T.watch(hub, .jobs(["a"]))
    #expect(try await nextEvent(&events) == .snapshot([T.job("a", .validating)]))
    await clock.waitForSleepers()
    await api.set("a", .inProgress, progress: 10)
    clock.advance(seconds: 5)
    let first = try await nextEvent(&events)
    guard case .statusChanged(let started) = first else {
      Issue.record("expected a status change, got \(String(describing: first))")
      return
    }
    #expect(started.previous.status == .validating && started.job.status == .inProgress)
    await clock.waitForSleepers()
    await api.set("a", .inProgress, progress: 50)
    clock.advance(seconds: 5)
    let second = try await nextEvent(&events)
    guard case .progressChanged(let moved) = second else {
      Issue.record("expected a progress change, got \(String(describing: second))")
      return
    }
    #expect(moved.previous.progress == 10 && moved.job.progress == 50)
    await clock.waitForSleepers()
    await api.set("a", .completed, progress: 100)
    clock.advance(seconds: 5)
    #expect(try await nextEvent(&events)?.update?.job.status == .completed)
    let summary = try #require(try await nextEvent(&events)?.summary)
    #expect(summary.outcome == .allTerminal && summary.allCompleted && summary.exitStatus == 0)
    #expect(try await events.next() == nil)
    await waitUntil("the loop to stop") { await !hub.isPolling }
  }

  @Test func alreadyFinishedJobsEndAtOnce() async throws {
    let api = FakeBatchAPI(jobs: [T.job("a", .completed), T.job("b", .cancelled)])
    let hub = T.hub(api, TestClock())
    var events = await T.watch(hub, .jobs(["a", "b"]))
    _ = try await nextEvent(&events)
    let summary = try #require(try await nextEvent(&events)?.summary)
    #expect(!summary.allCompleted && summary.exitStatus == 3)
    #expect(summary.unsuccessful.map(\.id) == ["b"])
  }

  @Test func aJobGoneFromGetDisappears() async throws {
    let api = FakeBatchAPI(jobs: [T.job("a")])
    let clock = TestClock()
    let hub = T.hub(api, clock)
    var events = await T.watch(hub, .jobs(["a"]))
    _ = try await nextEvent(&events)
    await clock.waitForSleepers()
    await api.delete("a")
    clock.advance(seconds: 5)
    #expect(try await nextEvent(&events) == .disappeared(T.job("a")))
    let summary = try #require(try await nextEvent(&events)?.summary)
    #expect(summary.disappeared == ["a"] && summary.outcome == .allTerminal && summary.exitStatus == 3)
  }

  @Test func aJobMissingFromTheListIsConfirmedWithOneGet() async throws {
    let api = FakeBatchAPI(jobs: [T.job("a"), T.job("b")])
    let clock = TestClock()
    let hub = T.hub(api, clock)
    var events = await T.watch(hub, .jobs(["a", "b"]))
    _ = try await nextEvent(&events)
    await clock.waitForSleepers()
    await api.delete("a")
    clock.advance(seconds: 5)
    #expect(try await nextEvent(&events) == .disappeared(T.job("a")))
    #expect(await api.getIDs == ["a"])
    await clock.waitForSleepers()
    #expect(await hub.subscriptionCount == 1)
  }

  @Test func anUnknownIDEndsWithNotFound() async throws {
    let api = FakeBatchAPI(jobs: [T.job("a")])
    let hub = T.hub(api, TestClock())
    var events = await T.watch(hub, .jobs(["a", "nope"]))
    await #expect(throws: BatchError.notFound(resource: .job, id: "nope", apiMessage: nil)) {
      _ = try await events.next()
    }
  }

  @Test func anInvalidIDEndsWithoutARequest() async throws {
    let api = FakeBatchAPI()
    let hub = T.hub(api, TestClock())
    var events = await T.watch(hub, .jobs(["a/b"]))
    await #expect(throws: BatchError.self) { _ = try await events.next() }
    #expect(await api.calls == 0)
  }

  @Test func failFastStopsAtTheFirstFailedJob() async throws {
    let api = FakeBatchAPI(jobs: [T.job("a"), T.job("b"), T.job("c")])
    let clock = TestClock()
    let hub = T.hub(api, clock)
    var events = await T.watch(hub, .jobs(["a", "b", "c"], failFast: true))
    _ = try await nextEvent(&events)
    await clock.waitForSleepers()
    await api.set("a", .cancelled)  // a cancellation does not stop a fail-fast watch
    clock.advance(seconds: 5)
    #expect(try await nextEvent(&events)?.update?.job.status == .cancelled)
    await clock.waitForSleepers()
    await api.set("c", .failed)
    clock.advance(seconds: 5)
    #expect(try await nextEvent(&events)?.update?.job.status == .failed)
    let summary = try #require(try await nextEvent(&events)?.summary)
    #expect(summary.outcome == .failFast(jobID: "c") && summary.exitStatus == 3)
    #expect(summary.jobs.map(\.id) == ["a", "b", "c"])
  }

  @Test func timeoutEndsOnTheClock() async throws {
    let api = FakeBatchAPI(jobs: [T.job("a")])
    let clock = TestClock()
    let hub = T.hub(api, clock)
    var events = await T.watch(hub, .jobs(["a"], timeout: 12))
    _ = try await nextEvent(&events)
    await clock.waitForSleepers()
    clock.advance(seconds: 5)  // poll at 5, next at 12.5, but the timeout comes first
    await clock.waitForSleepers()
    #expect(clock.nextDeadline == 12)
    clock.advance(seconds: 7)
    let summary = try #require(try await nextEvent(&events)?.summary)
    #expect(summary.timedOut && summary.exitStatus == 124 && summary.jobs == [T.job("a")])
    #expect(await api.getCalls == 2)
  }

  @Test func activeWatchesTheJobsActiveAtItsFirstPoll() async throws {
    let api = FakeBatchAPI(jobs: [T.job("a"), T.job("b", .completed), T.job("c", .validating)])
    let clock = TestClock()
    let hub = T.hub(api, clock)
    var events = await T.watch(hub, .active())
    #expect(try await nextEvent(&events)?.snapshotJobs?.map(\.id) == ["a", "c"])
    await clock.waitForSleepers()
    await api.put(T.job("d"))  // created later: not watched
    await api.set("a", .completed)
    await api.set("c", .completed)
    clock.advance(seconds: 5)
    _ = try await nextEvent(&events)
    _ = try await nextEvent(&events)
    let summary = try #require(try await nextEvent(&events)?.summary)
    #expect(summary.jobs.map(\.id) == ["a", "c"] && summary.allCompleted)
  }

  @Test func progressEventsCarryAnETAOnceTwoSamplesDiffer() async throws {
    let api = FakeBatchAPI(jobs: [T.job("a", progress: 10)])
    let clock = TestClock()
    let hub = T.hub(api, clock)
    var events = await T.watch(hub, .jobs(["a"]))
    _ = try await nextEvent(&events)
    await clock.waitForSleepers()
    await api.set("a", .inProgress, progress: 20)
    clock.advance(seconds: 5)
    let update = try #require(try await nextEvent(&events)?.update)
    // 10 % per 5 s: the remaining 80 % take 40 s.
    #expect(update.progress.isEstimate)
    #expect(abs((update.progress.etaSeconds ?? 0) - 40) < 1e-6)
    #expect(update.progress.fraction == 0.2)
  }
}
