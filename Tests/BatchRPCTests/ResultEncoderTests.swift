@testable import BatchRPC
import BatchCommands
import BatchCore
import Foundation
import Testing

/// The direct encoding of job results says exactly what `CommandOutput.rpcResult()` says.
struct ResultEncoderTests {
  static let running = BatchJob(
    id: "batch-run", userID: "user-1", inputFileID: "file-in", fileSizeBytes: 2048, status: .inProgress,
    jobDeadline: BatchTimestamp(raw: "2026-03-02T12:00:00Z"), createdAt: BatchTimestamp(raw: "2026-03-01T11:00:00.5Z"),
    endpoint: "/v1/chat/completions", progress: 12.5, modelID: "model/a")
  static let done = BatchJob(
    id: "batch-done", status: .completed, progress: 100, outputFileID: "file-out", errorFileID: "file-err",
    error: "quote \" and \\ and \n", completedAt: BatchTimestamp(raw: "2026-03-01T12:00:00Z"))
  static let bare = BatchJob(id: "batch-bare", status: BatchStatus(rawValue: "PAUSED"))

  static let outputs: [CommandOutput] = [
    .job(running), .job(bare), .jobs([]), .jobs([running, done, bare]),
    .watch(WatchResult(summary: WatchSummary(jobs: [done], outcome: .allTerminal))),
    .watch(WatchResult(summary: WatchSummary(jobs: [done, bare], disappeared: ["x"], outcome: .failFast(jobID: "y")))),
    .cancel(jobs: [running], failures: [CancelFailure(id: "batch-done", error: .invalidState(
      id: "batch-done", status: .completed, message: "finished"))]),
    .download(DownloadResult(path: "/tmp/a.jsonl", bytes: 42, fileID: "file-out")),
    .help("Usage: get ID"), .none,
  ]

  @Test(arguments: outputs)
  func agreesWithRPCResult(output: CommandOutput) throws {
    let direct = try JSONDecoder().decode(JSONValue.self, from: Data(try ResultEncoder.encode(output)))
    #expect(direct == (try output.rpcResult()))
  }

  @Test func throwsWhatRPCResultThrows() {
    let timedOut = CommandOutput.watch(WatchResult(summary: WatchSummary(jobs: [], outcome: .timedOut), timeout: 3))
    #expect(throws: CommandError.watchTimedOut(seconds: 3)) { try ResultEncoder.encode(timedOut) }
    let allFailed = CommandOutput.cancel(jobs: [], failures: [CancelFailure(id: "a", error: .notFound(
      resource: .job, id: "a", apiMessage: nil))])
    #expect(throws: BatchError.notFound(resource: .job, id: "a", apiMessage: nil)) {
      try ResultEncoder.encode(allFailed)
    }
  }
}
