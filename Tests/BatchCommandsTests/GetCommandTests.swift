import BatchCommands
import BatchCore
import Testing

@Suite struct GetCommandTests {
  @Test func returnsTheJobAndRemembersItsID() async throws {
    let cache = JobIDCache()
    let context = Fixtures.context(api: FakeBatchAPI(jobs: Fixtures.all), cache: cache)
    #expect(try await Dispatcher(context: context).run(words: ["get", "batch-run"]) == .job(Fixtures.running))
    #expect(cache.ids == ["batch-run"])
  }

  @Test func notFoundIsExitOneAndForgetsTheID() async {
    let cache = JobIDCache(ids: ["batch-gone"])
    let context = Fixtures.context(api: FakeBatchAPI(), cache: cache)
    let report = await Dispatcher(context: context).execute(words: ["get", "batch-gone"])
    #expect(report.exitStatus == .failure)
    #expect(report.rendered.stderr == "error: job 'batch-gone' not found\n")
    #expect(cache.count == 0)
  }

  @Test func jsonIsTheWireObject() async {
    let report = await Dispatcher(context: Fixtures.context(api: FakeBatchAPI(jobs: [Fixtures.failed])))
      .execute(words: ["get", "batch-fail", "--json"])
    #expect(report.rendered.stdout == JSONText.compact(Fixtures.failed) + "\n")
    #expect(report.rendered.stdout.hasPrefix(#"{"created_at":"2026-02-27T12:00:00Z","endpoint":"/v1/chat/"#))
  }
}
