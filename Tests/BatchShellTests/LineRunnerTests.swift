import BatchCommands
import BatchCore
import Foundation
import NIOCore
import NIOPosix
import Synchronization
import Testing

@testable import BatchShell

/// `LineRunner` keeps a session's settings: `set output json` changes how later lines print, events included.
@Suite struct LineRunnerTests {
  @Test func setOutputJSONChangesLaterLines() async throws {
    let session = SessionHarness()
    let runner = session.runner
    _ = await runner.run(line: "list")
    #expect(session.stdout.hasPrefix("ID "))
    let table = session.stdout

    let change = await runner.run(line: "set output json")
    #expect(change.exitStatus == .success && !change.isQuit)
    #expect(session.stdout == table, "a change prints nothing")
    #expect(runner.output.json && runner.dispatcher.context.output.json)

    _ = await runner.run(line: "list")
    #expect(session.stdout.dropFirst(table.count) == "[" + JSONText.compact(SessionHarness.job) + "]\n")
    _ = await runner.run(line: "set")
    #expect(session.stdout.hasSuffix("\n" + #"{"output":"json"}"# + "\n"))

    _ = await runner.run(line: "set output table")
    #expect(!runner.output.json)
    _ = await runner.run(line: "set")
    #expect(session.stdout.hasSuffix("\noutput  table\n"))
    #expect(session.stderr == "")
  }

  @Test func liveEventsFollowTheSetting() async throws {
    let session = SessionHarness()
    _ = await session.runner.run(line: "set output json")
    let outcome = await session.runner.run(line: "watch batch-1")
    #expect(outcome.exitStatus == .success)
    let lines = session.stdout.split(separator: "\n")
    #expect(lines.count == 2, "\(lines)")
    #expect(lines.allSatisfy { $0.hasPrefix("{") }, "\(lines)")
    #expect(lines.first?.contains(#""change":"initial""#) == true)
    #expect(lines.last?.contains(#""change":"final""#) == true)
  }

  @Test("each command is rendered at the terminal's width as it is when the command runs")
  func commandsFollowTheTerminalsWidth() async {
    var job = BatchJob(id: "batch-abe758c2-e1c9-608f-a583-6d25d0c1e906", status: .inProgress, progress: 60)
    job.modelID = "deepseek-ai/DeepSeek-V3"
    job.endpoint = "/v1/chat/completions"
    var terminal = OutputOptions.plain
    terminal.isTerminal = true
    terminal.width = 200
    let width = Locked(200)
    let session = SessionHarness(
      api: StaticAPI(jobs: [job]), output: terminal, terminalWidth: { width.withLock { $0 } })
    _ = await session.runner.run(line: "list")
    #expect(session.stdout.hasPrefix("ID  "))
    #expect(session.stdout.split(separator: "\n").first?.hasSuffix("ENDPOINT") == true)
    width.withLock { $0 = 80 }
    _ = await session.runner.run(line: "list")
    let lines = session.stdout.split(separator: "\n").suffix(2).map(String.init)
    #expect(lines == [
      "ID                                          STATUS       PROGRESS    CREATED",
      "\(job.id)  IN_PROGRESS  ███░░  60%  -",
    ])
  }

  @Test func jsonFlagOnSetDoesNotChangeTheSession() async {
    let session = SessionHarness()
    _ = await session.runner.run(line: "set --json")
    #expect(session.stdout == #"{"output":"table"}"# + "\n")
    #expect(!session.runner.output.json)
  }

  @Test func badValuesAreUsageErrorsAndChangeNothing() async {
    let session = SessionHarness(frontEnd: .script)
    let outcome = await session.runner.run(line: "set output jsno", errorPrefix: "script:1: ")
    #expect(outcome.exitStatus == .usage)
    #expect(session.stderr == """
      script:1: error: invalid value 'jsno' for VALUE; did you mean 'json'? (valid: table, json)
      usage: set [SETTING] [VALUE]

      """)
    #expect(!session.runner.output.json)
  }

  @Test func oneShotDoesNotOfferSet() async {
    let session = SessionHarness(frontEnd: .oneShot)
    let outcome = await session.runner.run(words: ["set", "output", "json"])
    #expect(outcome.exitStatus == .usage)
    #expect(session.stderr == "error: 'set' is not available here (only in: repl, script)\n")
    #expect(!session.runner.output.json)
  }

  @Test func scriptLinesAfterSetPrintJSON() async throws {
    let session = SessionHarness(frontEnd: .script)
    let script = session.directory.write("jobs.batchsh", Array("get batch-1\nset output json\n# now JSON\nlist\n".utf8))
    let status = await ScriptRunner(runner: session.runner, reader: try PlainLineReader(path: script), keepGoing: false)
      .run()
    #expect(status == .success)
    let json = "[" + JSONText.compact(SessionHarness.job) + "]\n"
    #expect(session.stdout.hasSuffix("\n" + json), "\(session.stdout)")
    #expect(session.stdout.hasPrefix("ID "), "the first line still prints a card: \(session.stdout)")
  }

  @Test func scriptCommandsRunOnTheRunnersExecutor() async throws {
    let api = LoopRecordingAPI(loop: MultiThreadedEventLoopGroup.singleton.next())
    let session = SessionHarness(frontEnd: .script, api: api, executor: EventLoopExecutor(api.loop))
    let script = session.directory.write("jobs.batchsh", Array("get batch-1\nlist\nget batch-1\n".utf8))
    let status = await ScriptRunner(runner: session.runner, reader: try PlainLineReader(path: script), keepGoing: false)
      .run()
    #expect(status == .success, "\(session.stderr)")
    #expect(api.onLoop.withLock { $0 } == [true, true, true], "every request ran on the loop")
  }
}

/// Answers `StaticAPI`'s job and records, for each get and list, whether it ran on `loop`.
private final class LoopRecordingAPI: BatchAPI {
  let loop: any EventLoop
  let onLoop = Mutex<[Bool]>([])
  private let jobs = StaticAPI(jobs: [SessionHarness.job])

  init(loop: any EventLoop) {
    self.loop = loop
  }

  func get(_ id: String) async throws -> BatchJob {
    onLoop.withLock { $0.append(loop.inEventLoop) }
    return try await jobs.get(id)
  }

  func list() async throws -> [BatchJob] {
    onLoop.withLock { $0.append(loop.inEventLoop) }
    return try await jobs.list()
  }

  func cancel(_ id: String) async throws -> BatchJob { try await jobs.cancel(id) }
  func file(_ id: String) async throws -> BatchFile { try await jobs.file(id) }
  func download(_ request: DownloadRequest, progress: (@Sendable (DownloadProgress) -> Void)?) async throws
    -> DownloadResult
  {
    try await jobs.download(request, progress: progress)
  }
}
