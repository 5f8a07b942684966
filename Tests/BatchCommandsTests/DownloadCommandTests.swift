import BatchCommands
import BatchCore
import Foundation
import Testing

@Suite struct DownloadCommandTests {
  private func run(_ words: [String], api: FakeBatchAPI, events: RecordingEventSink = RecordingEventSink(),
    directory: String = "/work/out") async throws -> CommandOutput
  {
    try await Dispatcher(context: Fixtures.context(api: api, events: events, directory: directory))
      .run(words: ["download"] + words)
  }

  @Test func savesTheOutputFileUnderTheDefaultName() async throws {
    let api = FakeBatchAPI(jobs: Fixtures.all)
    let output = try await run(["batch-done"], api: api)
    #expect(output == .download(DownloadResult(path: "/work/out/batch-done.jsonl", bytes: 100, fileID: "file-out-3")))
    #expect(await api.downloads == [DownloadRequest(fileID: "file-out-3", destination: "/work/out/batch-done.jsonl")])
  }

  @Test func savesTheErrorFileWithErrorsAndForce() async throws {
    let api = FakeBatchAPI(jobs: Fixtures.all)
    _ = try await run(["batch-fail", "--errors", "--force", "-o", "errs.jsonl"], api: api)
    #expect(await api.downloads == [
      DownloadRequest(fileID: "file-err-4", destination: "/work/out/errs.jsonl", overwrite: true)
    ])
  }

  @Test func outputMayBeADirectory() throws {
    let directory = FileManager.default.temporaryDirectory.path
    #expect(DownloadCommand.destination(jobID: "b", errors: false, output: directory, directory: "/x")
      == directory + "/b.jsonl")
    #expect(DownloadCommand.destination(jobID: "b", errors: true, output: "sub/", directory: "/x")
      == "/x/sub/b.errors.jsonl")
    #expect(DownloadCommand.destination(jobID: "b", errors: false, output: ".", directory: "/x/") == "/x/b.jsonl")
    #expect(DownloadCommand.destination(jobID: "b", errors: false, output: "/abs/f.jsonl", directory: "/x")
      == "/abs/f.jsonl")
    #expect(DownloadCommand.destination(jobID: "b", errors: false, output: nil, directory: "/") == "/b.jsonl")
  }

  @Test(arguments: [
    ("batch-run", false,
      "job 'batch-run' is IN_PROGRESS; its output can be downloaded once it is COMPLETED (wait for it with: "
        + "watch batch-run)"),
    ("batch-fail", false,
      "job 'batch-fail' is FAILED; its output can be downloaded once it is COMPLETED (it has an error file: "
        + "download batch-fail --errors)"),
    ("batch-run", true,
      "job 'batch-run' is IN_PROGRESS; its error file can be downloaded once it has finished (wait for it with: "
        + "watch batch-run)"),
    ("batch-done", true, "job 'batch-done' has no error file"),
    ("batch-cxl", false, "job 'batch-cxl' is CANCELLED; its output can be downloaded once it is COMPLETED"),
  ])
  func refusesJobsWithoutTheFile(id: String, errors: Bool, message: String) async throws {
    let api = FakeBatchAPI(jobs: Fixtures.all)
    let error = await #expect(throws: BatchError.self) {
      _ = try await run([id] + (errors ? ["--errors"] : []), api: api)
    }
    #expect(error?.description == message)
    #expect(error.map { ExitStatus(error: $0) } == .failure)
    #expect(error.map { ErrorKind($0) } == .invalidState)
    #expect(await api.downloads.isEmpty)
  }

  @Test func completedWithoutOutputFileIsInvalidState() {
    let job = BatchJob(id: "b", status: .completed)
    #expect(throws: BatchError.invalidState(id: "b", status: .completed,
      message: "job 'b' is COMPLETED but has no output file")) {
      try DownloadCommand.fileID(of: job, errors: false)
    }
  }

  @Test func reportsProgressEveryMebibyteAndAtTheEnd() async throws {
    let api = FakeBatchAPI(jobs: Fixtures.all)
    let mib: Int64 = 1 << 20
    await api.setDownloadSteps([(1000, 3 * mib), (mib / 2, 3 * mib), (mib + 2000, 3 * mib), (2 * mib, 3 * mib),
      (3 * mib, 3 * mib)])
    let events = RecordingEventSink()
    _ = try await run(["batch-done"], api: api, events: events)
    let reported = events.events.compactMap { event -> Int64? in
      if case .downloadProgress(_, let progress) = event { return progress.bytes }
      return nil
    }
    #expect(reported == [1000, mib + 2000, 3 * mib])
  }
}
