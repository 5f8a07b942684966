import BatchCommands
import BatchCore
import Testing

@Suite struct ExitStatusTests {
  @Test(arguments: [
    (BatchError.notFound(resource: .job, id: "x", apiMessage: nil), 1),
    (.server(status: 503, apiMessage: nil), 1),
    (.transport("connection refused"), 1),
    (.timeout(seconds: 30), 1),
    (.rateLimited(retryAfter: 2, apiMessage: nil), 1),
    (.badRequest(status: 400, apiMessage: "bad"), 1),
    (.invalidResponse(reason: "not JSON", excerpt: "<html>"), 1),
    (.invalidState(id: "x", status: .completed, message: "finished"), 1),
    (.localFile(path: "/x", reason: "file exists"), 1),
    (.unauthorized(status: 401, apiMessage: nil), 4),
    (.unauthorized(status: 403, apiMessage: nil), 4),
    (.missingAPIKey, 4),
    (.insecureTransport(host: "example.com"), 4),
    (.invalidID("", reason: "empty"), 64),
  ] as [(BatchError, Int32)])
  func apiErrorsMapToSpecCodes(error: BatchError, code: Int32) {
    #expect(ExitStatus(error: error).rawValue == code)
  }

  @Test func commandErrorsAndInterruptionMapToSpecCodes() {
    #expect(ExitStatus(error: CommandError.usage("bad", command: "list")) == .usage)
    #expect(ExitStatus(error: CommandError.unknownCommand("x", message: "x")).rawValue == 64)
    #expect(ExitStatus(error: CommandError.invalidParams("x")).rawValue == 64)
    #expect(ExitStatus(error: CommandError.watchTimedOut(seconds: 5)).rawValue == 124)
    #expect(ExitStatus(error: CommandError.unsupported("no")).rawValue == 1)
    #expect(ExitStatus(error: CancellationError()).rawValue == 130)
  }

  @Test func outputsMapToSpecCodes() {
    #expect(ExitStatus(output: .jobs([])).rawValue == 0)
    #expect(ExitStatus(output: .cancel(jobs: [Fixtures.running], failures: [])).rawValue == 0)
    let failure = CancelFailure(id: "x", error: .notFound(resource: .job, id: "x", apiMessage: nil))
    #expect(ExitStatus(output: .cancel(jobs: [Fixtures.running], failures: [failure])).rawValue == 1)
    let rejected = CancelFailure(id: "y", error: .unauthorized(status: 401, apiMessage: nil))
    #expect(ExitStatus(output: .cancel(jobs: [], failures: [rejected, failure])).rawValue == 4)
    #expect(ExitStatus(output: .cancel(jobs: [Fixtures.running], failures: [rejected])).rawValue == 1)
    let failedJob = WatchSummary(jobs: [Fixtures.completed, Fixtures.expired], outcome: .allTerminal)
    #expect(ExitStatus(output: .watch(WatchResult(summary: failedJob, exitStatusRequested: true))).rawValue == 3)
    #expect(ExitStatus(output: .watch(WatchResult(summary: failedJob))).rawValue == 0)
    let timedOut = WatchSummary(jobs: [Fixtures.running], outcome: .timedOut)
    #expect(ExitStatus(output: .watch(WatchResult(summary: timedOut))).rawValue == 124)
  }

  @Test func jsonRPCCodesFollowTheSpec() {
    let codes = Dictionary(uniqueKeysWithValues: ErrorKind.allCases.map { ($0, $0.jsonRPCCode) })
    #expect(codes == [
      .usage: -32602, .invalidParams: -32602, .unknownCommand: -32601, .notFound: -32010, .unauthorized: -32011,
      .rateLimited: -32012, .unavailable: -32013, .invalidState: -32014, .timeout: -32015, .watchTimeout: -32015,
      .interrupted: -32800, .failed: -32603,
    ])
  }
}
