@testable import BatchRPC
import BatchCommands
import Testing

/// Tracking work in flight: cancelling by id, cancelling watches, waiting until idle, early finishers.
@Suite(.timeLimit(.minutes(1))) struct RequestRegistryTests {
  private func sleeper() -> Task<Void, Never> {
    Task { try? await Task.sleep(for: .seconds(60)) }
  }

  @Test func cancelsByIDValueAndIgnoresUnknownIDs() async {
    let registry = RequestRegistry()
    let one = sleeper()
    let token = registry.token()
    registry.register(one, token: token, id: .number("1"), isWatch: false)
    #expect(registry.cancel(matching: "1") == 0)
    #expect(registry.cancel(matching: 2) == 0)
    #expect(registry.cancel(matching: 1.0) == 1)
    await one.value
    #expect(one.isCancelled)
    registry.finish(token)
    await registry.waitUntilIdle()
  }

  @Test func cancelsOnlyWatchesAtEndOfInput() async {
    let registry = RequestRegistry()
    let watch = sleeper()
    let get = sleeper()
    let watchToken = registry.token()
    let getToken = registry.token()
    registry.register(watch, token: watchToken, id: .string("w"), isWatch: true)
    registry.register(get, token: getToken, id: .string("g"), isWatch: false)
    #expect(registry.cancelWatches() == 1)
    #expect(watch.isCancelled && !get.isCancelled)
    get.cancel()
    registry.finish(watchToken)
    #expect(registry.count == 1)
    registry.finish(getToken)
    await registry.waitUntilIdle()
  }

  @Test func workThatFinishesBeforeItIsRegisteredIsNotWaitedFor() async {
    let registry = RequestRegistry()
    let token = registry.token()
    registry.finish(token)
    registry.register(Task {}, token: token, id: nil, isWatch: false)
    #expect(registry.count == 0)
    await registry.waitUntilIdle()
  }
}
