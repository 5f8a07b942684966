import BatchCommands
import BatchCore
import Testing

@Suite struct DispatcherTests {
  private func dispatcher(api: FakeBatchAPI = FakeBatchAPI(jobs: Fixtures.all), frontEnd: FrontEnd = .oneShot)
    -> Dispatcher
  {
    Dispatcher(context: Fixtures.context(api: api, frontEnd: frontEnd))
  }

  @Test func executeRendersTablesAndSucceeds() async {
    let report = await dispatcher().execute(words: ["list", "--limit", "1"])
    #expect(report.exitStatus == .success)
    #expect(report.invocation?.name == "list")
    #expect(report.rendered.stdout.hasPrefix("ID         STATUS      PROGRESS"))
    #expect(report.rendered.stderr == "")
  }

  @Test func jsonFlagSwitchesTheRenderer() async {
    let report = await dispatcher().execute(words: ["list", "--status", "failed", "--json"])
    #expect(report.rendered.stdout == "[" + JSONText.compact(Fixtures.failed) + "]\n")
  }

  @Test func usageErrorsAreExit64WithTheUsageLine() async {
    let report = await dispatcher().execute(words: ["list", "--stauts", "failed"])
    #expect(report.exitStatus == .usage)
    #expect(report.output == nil)
    #expect(report.rendered.stderr == """
      error: unknown flag '--stauts' for list; did you mean '--status'? (valid: --status, --active, --limit, --json)
      usage: list [--status S,…] [--active] [--limit N]

      """)
  }

  @Test func unknownCommandsAreExit64() async {
    let report = await dispatcher().execute(words: ["lsit"])
    #expect(report.exitStatus.rawValue == 64)
    #expect(report.rendered.stderr.hasPrefix("error: unknown command 'lsit'; did you mean 'list'?"))
  }

  @Test func authenticationFailuresAreExit4() async {
    let api = FakeBatchAPI()
    await api.fail("x", with: BatchError.unauthorized(status: 401, apiMessage: nil))
    let report = await dispatcher(api: api).execute(words: ["get", "x"])
    #expect(report.exitStatus == .authentication)
    #expect(report.rendered.stderr == "error: unauthorized (401): the API key was rejected; check TOGETHER_API_KEY\n")
  }

  @Test func quitEndsTheSessionOnlyWhereOffered() async {
    #expect(await dispatcher(frontEnd: .repl).execute(words: ["exit"]).isQuit)
    let oneShot = await dispatcher().execute(words: ["quit"])
    #expect(!oneShot.isQuit)
    #expect(oneShot.exitStatus == .usage)
  }

  @Test func rpcCallsRunThroughTheSameHandlers() async throws {
    let dispatcher = dispatcher(frontEnd: .rpc)
    let invocation = try dispatcher.parse(method: "list", params: ["active": true, "limit": 2])
    let output = try await dispatcher.run(invocation)
    #expect(try output.rpcResult()["jobs"]?.arrayValue?.compactMap { $0["id"]?.stringValue }
      == ["batch-val", "batch-run"])
  }

  @Test func interruptionIsExit130AndNotAPerIDFailure() async {
    let api = FakeBatchAPI(jobs: Fixtures.all)
    await api.fail("batch-run", with: CancellationError())
    let report = await dispatcher(api: api).execute(words: ["cancel", "batch-val", "batch-run"])
    #expect(report.exitStatus == .interrupted)
    #expect(report.output == nil)
  }
}
