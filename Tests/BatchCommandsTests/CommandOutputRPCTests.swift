import BatchCommands
import BatchCore
import Testing

@Suite struct CommandOutputRPCTests {
  @Test func getIsTheJobAndListIsWrapped() throws {
    #expect(try CommandOutput.job(Fixtures.completed).rpcResult()["id"] == "batch-done")
    #expect(try CommandOutput.job(Fixtures.completed).rpcResult()["progress"] == 100)
    let list = try CommandOutput.jobs([Fixtures.running, Fixtures.failed]).rpcResult()
    #expect(list["jobs"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == ["batch-run", "batch-fail"])
  }

  @Test func partialCancelCarriesErrorsWithCodes() throws {
    let failure = CancelFailure(id: "batch-done",
      error: .invalidState(id: "batch-done", status: .completed, message: "cannot cancel job 'batch-done'"))
    let result = try CommandOutput.cancel(jobs: [Fixtures.canceling], failures: [failure]).rpcResult()
    #expect(result["jobs"]?.arrayValue?.count == 1)
    #expect(result["errors"] == [["id": "batch-done", "code": -32014, "message": "cannot cancel job 'batch-done'"]])
    #expect(try CommandOutput.cancel(jobs: [Fixtures.canceling], failures: []).rpcResult()["errors"] == nil)
  }

  @Test func cancelWhereEveryIDFailedThrowsTheFirstError() {
    let first = BatchError.notFound(resource: .job, id: "a", apiMessage: nil)
    let output = CommandOutput.cancel(jobs: [], failures: [
      CancelFailure(id: "a", error: first), CancelFailure(id: "b", error: .missingAPIKey),
    ])
    #expect(throws: first) { try output.rpcResult() }
  }

  @Test func watchDownloadHelpAndNothing() throws {
    let summary = WatchSummary(jobs: [Fixtures.completed], outcome: .allTerminal)
    #expect(try CommandOutput.watch(WatchResult(summary: summary)).rpcResult()["jobs"]?.arrayValue?.count == 1)
    let download = DownloadResult(path: "/tmp/b.jsonl", bytes: 42, fileID: "file-out")
    #expect(try CommandOutput.download(download).rpcResult() == ["path": "/tmp/b.jsonl", "bytes": 42,
      "file_id": "file-out"])
    #expect(try CommandOutput.help("text").rpcResult() == ["help": "text"])
    #expect(try CommandOutput.none.rpcResult() == .null)
  }
}
