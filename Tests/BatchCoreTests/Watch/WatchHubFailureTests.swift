import Testing

@testable import BatchCore

/// Transient failures keep a watch going (retrying, recovered); an outage or a non-transient error ends it.
@Suite(.timeLimit(.minutes(1))) struct WatchHubFailureTests {
  typealias T = WatchTestSupport

  @Test func transientErrorsRetryThenRecover() async throws {
    let api = FakeBatchAPI(jobs: [T.job("a", progress: 10)])
    let clock = TestClock()
    let hub = T.hub(api, clock)
    var events = await T.watch(hub, .jobs(["a"]))
    _ = try await nextEvent(&events)
    await clock.waitForSleepers()
    await api.fail(with: .server(status: 503, apiMessage: nil), .timeout(seconds: 30))
    clock.advance(seconds: 5)
    let first = try #require(try await nextEvent(&events)?.retry)
    #expect(first == WatchRetry(error: .server(status: 503, apiMessage: nil), attempt: 1, nextTryIn: 7.5))
    await clock.waitForSleepers()
    clock.advance(seconds: 7.5)
    let second = try #require(try await nextEvent(&events)?.retry)
    #expect(second.attempt == 2 && second.nextTryIn == 11.25)
    await clock.waitForSleepers()
    await api.set("a", .inProgress, progress: 40)
    clock.advance(seconds: 11.25)
    #expect(try await nextEvent(&events) == .recovered(afterAttempts: 2))
    #expect(try await nextEvent(&events)?.update?.job.progress == 40)
    await clock.waitForSleepers()
    #expect(clock.nextDeadline == 23.75 + 5)
  }

  @Test func retryAfterIsHonoured() async throws {
    let api = FakeBatchAPI(jobs: [T.job("a")])
    let clock = TestClock()
    let hub = T.hub(api, clock)
    await api.fail(with: .rateLimited(retryAfter: 30, apiMessage: nil))
    var events = await T.watch(hub, .jobs(["a"]))
    let retry = try #require(try await nextEvent(&events)?.retry)
    #expect(retry.nextTryIn == 30 && retry.attempt == 1)
    await clock.waitForSleepers()
    #expect(clock.nextDeadline == 30)
    // A second watch arriving during the wait does not make the hub poll early.
    var other = await T.watch(hub, .jobs(["a"]))
    #expect(try await nextEvent(&other)?.retry?.nextTryIn == 30)
    await clock.waitForSleepers()
    clock.advance(seconds: 29)
    await clock.waitForSleepers()
    #expect(await api.calls == 1)
    clock.advance(seconds: 1)
    #expect(try await nextEvent(&events) == .recovered(afterAttempts: 1))
    #expect(try await nextEvent(&events)?.snapshotJobs == [T.job("a")])
    #expect(try await nextEvent(&other) == .recovered(afterAttempts: 1))
    #expect(await api.calls == 2)
  }

  @Test func aSustainedOutageEndsTheWatch() async throws {
    let api = FakeBatchAPI(jobs: [T.job("a")])
    let clock = TestClock()
    let hub = T.hub(api, clock)
    var events = await T.watch(hub, .jobs(["a"], outageLimit: 20))
    _ = try await nextEvent(&events)
    let outage = BatchError.transport("connection refused")
    await api.fail(with: outage, outage, outage, outage, outage)
    var retries = 0
    do {
      while true {
        await clock.waitForSleepers()
        clock.advance(seconds: try #require(clock.nextDeadline) - clock.elapsed)
        guard let event = try await events.next() else { break }
        if event.retry != nil { retries += 1 }
      }
      Issue.record("the watch ended without an error")
    } catch let error as BatchError {
      #expect(error == outage)
    }
    // Failures at 5, 12.5 and 23.75 s after the last success at 0: the third is past the 20 s limit.
    #expect(retries == 2)
    #expect(clock.elapsed == 23.75)
    await waitUntil("the loop to stop") { await !hub.isPolling }
  }

  @Test func aNonTransientErrorEndsEveryWatch() async throws {
    let api = FakeBatchAPI(jobs: [T.job("a"), T.job("b")])
    let clock = TestClock()
    let hub = T.hub(api, clock)
    var first = await T.watch(hub, .jobs(["a"]))
    var second = await T.watch(hub, .jobs(["a", "b"]))
    _ = try await nextEvent(&first)
    _ = try await nextEvent(&second)
    await clock.waitForSleepers()
    await api.fail(with: .unauthorized(status: 401, apiMessage: nil))
    clock.advance(seconds: 5)
    await #expect(throws: BatchError.unauthorized(status: 401, apiMessage: nil)) { _ = try await first.next() }
    await #expect(throws: BatchError.unauthorized(status: 401, apiMessage: nil)) { _ = try await second.next() }
    await waitUntil("the loop to stop") { await !hub.isPolling }
    #expect(await hub.subscriptionCount == 0)
  }
}
