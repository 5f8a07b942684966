import BatchCore
import Testing

/// A scripted `BatchAPI` for watch tests: serves jobs from a dictionary the test edits, fails on demand, counts calls.
actor FakeBatchAPI: BatchAPI {
  /// The jobs the server knows, in `list()` order.
  private(set) var jobs: [BatchJob] = []
  /// Errors thrown by the next `get`/`list` calls, first one first.
  private var failures: [BatchError] = []
  private(set) var listCalls = 0
  private(set) var getCalls = 0
  private(set) var getIDs: [String] = []

  init(jobs: [BatchJob] = []) { self.jobs = jobs }

  // MARK: - Scripting

  /// Adds a job or replaces the one with the same id.
  func put(_ job: BatchJob) {
    if let index = jobs.firstIndex(where: { $0.id == job.id }) { jobs[index] = job } else { jobs.append(job) }
  }

  /// Changes a job's status and progress.
  func set(_ id: String, _ status: BatchStatus, progress: Double? = nil) {
    put(BatchJob(id: id, status: status, progress: progress))
  }

  func delete(_ id: String) { jobs.removeAll { $0.id == id } }

  /// Makes the next calls fail with these errors, in order.
  func fail(with errors: BatchError...) { failures += errors }

  var calls: Int { listCalls + getCalls }

  func resetCounts() {
    listCalls = 0
    getCalls = 0
    getIDs = []
  }

  // MARK: - BatchAPI

  func get(_ id: String) async throws -> BatchJob {
    getCalls += 1
    getIDs.append(id)
    if !failures.isEmpty { throw failures.removeFirst() }
    guard let job = jobs.first(where: { $0.id == id }) else {
      throw BatchError.notFound(resource: .job, id: id, apiMessage: nil)
    }
    return job
  }

  func list() async throws -> [BatchJob] {
    listCalls += 1
    if !failures.isEmpty { throw failures.removeFirst() }
    return jobs
  }

  func cancel(_ id: String) async throws -> BatchJob {
    Issue.record("a watch must never cancel a job")
    return try await get(id)
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
