import BatchCommands
import BatchCore
import Testing

@Suite struct WatchCommandTests {
  private static func update(_ before: BatchJob, _ after: BatchJob, eta: Double? = nil) -> JobUpdate {
    JobUpdate(job: after, previous: before,
      progress: JobProgressInfo(fraction: after.progressFraction, etaSeconds: eta, isEstimate: eta != nil))
  }

  private static let runningLater: BatchJob = {
    var job = Fixtures.running
    job.progress = 90
    return job
  }()

  private static let runningDone: BatchJob = {
    var job = Fixtures.running
    job.status = .completed
    job.progress = 100
    job.outputFileID = "file-out-run"
    return job
  }()

  private func run(_ words: [String], watcher: FakeWatchService, events: RecordingEventSink = RecordingEventSink(),
    api: FakeBatchAPI = FakeBatchAPI(jobs: Fixtures.all)) async -> CommandReport
  {
    await Dispatcher(context: Fixtures.context(api: api, events: events, watcher: watcher))
      .execute(words: ["watch"] + words)
  }

  @Test func forwardsEveryChangeAndReturnsTheFinalJobs() async {
    let watcher = FakeWatchService([
      .snapshot([Fixtures.running, Fixtures.failed]),
      .progressChanged(Self.update(Fixtures.running, Self.runningLater, eta: 120)),
      .statusChanged(Self.update(Self.runningLater, Self.runningDone)),
      .finished(WatchSummary(jobs: [Self.runningDone, Fixtures.failed], outcome: .allTerminal)),
    ])
    let events = RecordingEventSink()
    let report = await run(["batch-run", "batch-fail", "--interval", "2", "--timeout", "60"], watcher: watcher,
      events: events)
    #expect(watcher.requests == [.jobs(["batch-run", "batch-fail"], interval: 2, timeout: 60)])
    #expect(events.events.map { event -> String in
      if case .jobUpdated(let job, _) = event { return "\(job.id) \(job.status!) \(Int(job.progress!))" }
      return "\(event)"
    } == ["batch-run IN_PROGRESS 60", "batch-fail FAILED 12", "batch-run IN_PROGRESS 90", "batch-run COMPLETED 100"])
    #expect(report.output?.jobs == [Self.runningDone, Fixtures.failed])
    #expect(report.exitStatus == .success)
    #expect(report.rendered.stdout == """
      batch-run   COMPLETED
                  output file-out-run: download batch-run
      batch-fail  FAILED
                  error: input file is not valid JSONL
                  errors file-err-4: download batch-fail --errors

      """)
  }

  @Test func exitStatusThreeOnlyWhenAskedAndAJobDidNotComplete() async {
    let summary = WatchSummary(jobs: [Fixtures.completed, Fixtures.cancelled], outcome: .allTerminal)
    let asked = await run(["a", "--exit-status"], watcher: FakeWatchService([.finished(summary)]))
    #expect(asked.exitStatus == .unsuccessfulJob)
    let notAsked = await run(["a"], watcher: FakeWatchService([.finished(summary)]))
    #expect(notAsked.exitStatus == .success)
    let allDone = WatchSummary(jobs: [Fixtures.completed], outcome: .allTerminal)
    #expect(await run(["a", "--exit-status"], watcher: FakeWatchService([.finished(allDone)])).exitStatus == .success)
  }

  @Test func timeoutIsExit124AndAnRPCError() async throws {
    let summary = WatchSummary(jobs: [Fixtures.running], outcome: .timedOut)
    let report = await run(["batch-run", "--timeout", "30", "--exit-status"], watcher: FakeWatchService([
      .finished(summary)
    ]))
    #expect(report.exitStatus == .timeout)
    #expect(report.rendered.stdout.hasPrefix("Timed out after 30s; jobs as last seen:\nbatch-run  IN_PROGRESS\n"))
    #expect(throws: CommandError.watchTimedOut(seconds: 30)) { try report.output?.rpcResult() }
  }

  @Test func failFastIsPassedToTheEngineAndExplained() async {
    let summary = WatchSummary(jobs: [Fixtures.failed, Fixtures.running], outcome: .failFast(jobID: "batch-fail"))
    let watcher = FakeWatchService([.finished(summary)])
    let report = await run(["batch-fail", "batch-run", "--fail-fast"], watcher: watcher)
    #expect(watcher.requests.first?.failFast == true)
    #expect(report.rendered.stdout.hasPrefix("Stopped: batch-fail ended FAILED (--fail-fast).\n"))
  }

  @Test func activeAloneLetsTheEngineResolveTheSet() async {
    let watcher = FakeWatchService([.finished(WatchSummary(jobs: [], outcome: .allTerminal))])
    let report = await run(["--active"], watcher: watcher)
    #expect(watcher.requests.first?.target == .active)
    #expect(report.rendered.stdout == "No jobs to watch.\n")
  }

  @Test func idsWithActiveAddTheActiveJobsAfterTheIDsInServerOrder() async {
    let watcher = FakeWatchService([.finished(WatchSummary(jobs: [], outcome: .allTerminal))])
    _ = await run(["batch-done", "batch-run", "--active"], watcher: watcher)
    #expect(watcher.requests.first?.target == .jobs(["batch-done", "batch-run", "batch-nodate", "batch-val",
      "batch-cing"]))
  }

  @Test func retriesAndDisappearancesBecomeNotices() async {
    let events = RecordingEventSink()
    let watcher = FakeWatchService([
      .retrying(WatchRetry(error: .server(status: 503, apiMessage: nil), attempt: 2, nextTryIn: 7.5)),
      .recovered(afterAttempts: 2),
      .disappeared(Fixtures.running),
      .finished(WatchSummary(jobs: [], disappeared: ["batch-run"], outcome: .allTerminal)),
    ])
    let report = await run(["batch-run", "--exit-status"], watcher: watcher, events: events)
    #expect(events.events == [
      .notice("server error (503); retrying in 7s (attempt 2)"),
      .notice("connection recovered after 2 failed polls"),
      .notice("job 'batch-run' no longer exists on the server"),
    ])
    #expect(report.rendered.stdout == "batch-run  no longer exists on the server\n")
    #expect(report.exitStatus == .unsuccessfulJob)
  }

  @Test func streamErrorsEndTheCommand() async {
    let report = await run(["nope"], watcher: FakeWatchService([], thenFail: .notFound(resource: .job, id: "nope",
      apiMessage: nil)))
    #expect(report.exitStatus == .failure)
    #expect(report.rendered.stderr == "error: job 'nope' not found\n")
  }

  @Test func needsIDsOrActive() async {
    let report = await run([], watcher: FakeWatchService([]))
    #expect(report.exitStatus == .usage)
    #expect(report.rendered.stderr.hasPrefix("error: watch needs job ids or --active\nusage: watch [ID…]"))
  }

  @Test func withoutAnEngineItFailsClearly() async {
    let report = await Dispatcher(context: Fixtures.context(api: FakeBatchAPI()))
      .execute(words: ["watch", "batch-run"])
    #expect(report.exitStatus == .failure)
    #expect(report.rendered.stderr == "error: watch is not available: no watch engine is connected in this build\n")
  }
}

@Suite struct WatchCommandHubTests {
  @Test func runsOnTheRealWatchHub() async {
    let api = FakeBatchAPI(jobs: Fixtures.all)
    let events = RecordingEventSink()
    let context = Fixtures.context(api: api, events: events, watcher: WatchHub(api: api))
    let report = await Dispatcher(context: context)
      .execute(words: ["watch", "batch-done", "batch-fail", "--exit-status", "--json"])
    #expect(report.output?.jobs.map(\.id) == ["batch-done", "batch-fail"])
    #expect(report.exitStatus == .unsuccessfulJob)
    #expect(report.rendered.stdout.hasPrefix(#"{"change":"final","jobs":[{"#))
    #expect(report.rendered.stdout.hasSuffix(#""outcome":"finished","time":"2026-03-01T12:00:00.000Z"}"# + "\n"))
    #expect(events.events.count == 2)
  }
}
