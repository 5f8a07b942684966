import BatchCommands
import BatchCore
import Testing

@Suite struct CancelCommandTests {
  @Test func cancelsEveryIDAndReportsFailuresInTheOrderGiven() async throws {
    let api = FakeBatchAPI(jobs: Fixtures.all)
    let output = try await Dispatcher(context: Fixtures.context(api: api))
      .run(words: ["cancel", "batch-done", "batch-run", "nope", "batch-val", "batch-run"])
    guard case .cancel(let jobs, let failures) = output else {
      Issue.record("expected a cancel output, got \(output)")
      return
    }
    #expect(jobs.map(\.id) == ["batch-run", "batch-val"])
    #expect(jobs.allSatisfy { $0.status == .canceling })
    #expect(failures.map(\.id) == ["batch-done", "nope"])
    #expect(failures.map { ErrorKind($0.error) } == [.invalidState, .notFound])
    #expect(await api.cancelled.sorted() == ["batch-run", "batch-val"])
    #expect(ExitStatus(output: output) == .failure)
  }

  @Test func aJobAlreadyCancellingCountsAsSuccess() async throws {
    let output = try await Dispatcher(context: Fixtures.context(api: FakeBatchAPI(jobs: Fixtures.all)))
      .run(words: ["cancel", "batch-cing"])
    #expect(output == .cancel(jobs: [Fixtures.canceling], failures: []))
    #expect(ExitStatus(output: output) == .success)
  }

  @Test func manyIDsAllGetTheirTurn() async throws {
    let jobs = (0..<50).map { BatchJob(id: "job-\($0)", status: .inProgress) }
    let output = try await Dispatcher(context: Fixtures.context(api: FakeBatchAPI(jobs: jobs)))
      .run(words: ["cancel"] + jobs.map(\.id))
    #expect(output.jobs.map(\.id) == jobs.map(\.id))
  }

  @Test func failuresGoToStderrAsErrorIDMessage() async {
    let report = await Dispatcher(context: Fixtures.context(api: FakeBatchAPI(jobs: Fixtures.all)))
      .execute(words: ["cancel", "batch-run", "batch-done"])
    #expect(report.rendered.stdout == "cancel requested: batch-run  CANCELING\n")
    #expect(report.rendered.stderr == "error: batch-done: cannot cancel job 'batch-done': it is COMPLETED\n")
    #expect(report.exitStatus == .failure)
  }

  @Test func forgetsIDsTheServerDoesNotKnow() async throws {
    let cache = JobIDCache(ids: ["gone", "batch-run"])
    let context = Fixtures.context(api: FakeBatchAPI(jobs: Fixtures.all), cache: cache)
    _ = try await Dispatcher(context: context).run(words: ["cancel", "gone"])
    #expect(cache.ids == ["batch-run"])
  }
}
