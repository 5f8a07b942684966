import BatchCommands
import BatchCore
import Foundation

@testable import BatchShell

/// A line session on fixed jobs whose console writes to files, so tests can read what a user would have seen.
final class SessionHarness {
  static let job = BatchJob(id: "batch-1", status: .completed, progress: 100, outputFileID: "file-out-1")

  let directory = TemporaryDirectory()
  let runner: LineRunner
  private let descriptors: (out: Int32, err: Int32)

  /// A session; `output` and `terminalWidth` stand for a terminal when a test needs one.
  init(
    frontEnd: FrontEnd = .repl, api: any BatchAPI = StaticAPI(jobs: [SessionHarness.job]),
    executor: (any TaskExecutor)? = nil, output: OutputOptions = .plain,
    terminalWidth: (@Sendable () -> Int?)? = nil
  ) {
    let out = open(directory.path + "/stdout", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    let err = open(directory.path + "/stderr", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    descriptors = (out, err)
    let console = Console(output: out, error: err)
    let events = SessionEventSink(console: console, options: output, terminalWidth: terminalWidth)
    let context = CommandContext(
      api: api, events: events, output: output, frontEnd: frontEnd, watcher: OneShotWatch(job: Self.job))
    runner = LineRunner(dispatcher: Dispatcher(context: context), console: console, events: events, executor: executor)
  }

  deinit {
    close(descriptors.out)
    close(descriptors.err)
  }

  /// Everything written to standard output so far.
  var stdout: String { String(decoding: directory.read("stdout"), as: UTF8.self) }
  /// Everything written to standard error so far.
  var stderr: String { String(decoding: directory.read("stderr"), as: UTF8.self) }
}

/// An API holding fixed jobs; files and cancels are not needed by these tests.
struct StaticAPI: BatchAPI {
  let jobs: [BatchJob]

  func get(_ id: String) async throws -> BatchJob {
    guard let job = jobs.first(where: { $0.id == id }) else {
      throw BatchError.notFound(resource: .job, id: id, apiMessage: nil)
    }
    return job
  }

  func list() async throws -> [BatchJob] { jobs }

  func cancel(_ id: String) async throws -> BatchJob {
    throw BatchError.badRequest(status: 400, apiMessage: "not in these tests")
  }

  func file(_ id: String) async throws -> BatchFile {
    throw BatchError.notFound(resource: .file, id: id, apiMessage: nil)
  }

  func download(_ request: DownloadRequest, progress: (@Sendable (DownloadProgress) -> Void)?) async throws
    -> DownloadResult
  {
    throw BatchError.notFound(resource: .file, id: request.fileID, apiMessage: nil)
  }
}

/// A watch engine that reports one finished job at once.
struct OneShotWatch: WatchService {
  let job: BatchJob

  func watch(_ request: WatchRequest) async -> AsyncThrowingStream<WatchEvent, any Error> {
    let (stream, continuation) = AsyncThrowingStream<WatchEvent, any Error>.makeStream()
    continuation.yield(.snapshot([job]))
    continuation.yield(.finished(WatchSummary(jobs: [job], outcome: .allTerminal)))
    continuation.finish()
    return stream
  }
}
