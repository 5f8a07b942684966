import BatchCommands
import BatchCore
import Foundation

/// An in-memory Batch API: jobs in server order, cancel rules like the real server, downloads recorded.
actor FakeBatchAPI: BatchAPI {
  private(set) var jobs: [BatchJob]
  private(set) var cancelled: [String] = []
  private(set) var downloads: [DownloadRequest] = []
  private(set) var listCalls = 0
  /// Errors to throw for specific ids (any operation).
  private var failures: [String: any Error] = [:]
  /// Progress reports a download makes before it finishes: (bytes, total).
  private var downloadSteps: [(Int64, Int64?)] = [(100, 100)]

  init(jobs: [BatchJob] = []) {
    self.jobs = jobs
  }

  func fail(_ id: String, with error: any Error) { failures[id] = error }

  func setDownloadSteps(_ steps: [(Int64, Int64?)]) { downloadSteps = steps }

  // MARK: - BatchAPI

  func get(_ id: String) async throws -> BatchJob {
    if let error = failures[id] { throw error }
    guard let job = jobs.first(where: { $0.id == id }) else {
      throw BatchError.notFound(resource: .job, id: id, apiMessage: nil)
    }
    return job
  }

  func list() async throws -> [BatchJob] {
    listCalls += 1
    return jobs
  }

  func cancel(_ id: String) async throws -> BatchJob {
    var job = try await get(id)
    if let status = job.status, status.isCancellation { return job }
    if job.isTerminal {
      throw BatchError.invalidState(id: id, status: job.status,
        message: "cannot cancel job '\(id)': it is \(job.status?.rawValue ?? "?")")
    }
    job.status = .canceling
    jobs = jobs.map { $0.id == id ? job : $0 }
    cancelled.append(id)
    return job
  }

  func file(_ id: String) async throws -> BatchFile {
    BatchFile(id: id)
  }

  func download(_ request: DownloadRequest, progress: (@Sendable (DownloadProgress) -> Void)?) async throws
    -> DownloadResult
  {
    downloads.append(request)
    var last: Int64 = 0
    for (bytes, total) in downloadSteps {
      progress?(DownloadProgress(bytes: bytes, total: total))
      last = bytes
    }
    return DownloadResult(path: request.destination, bytes: last, fileID: request.fileID)
  }
}
