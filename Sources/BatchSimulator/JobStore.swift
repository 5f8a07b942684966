import NIOConcurrencyHelpers
import NIOCore

/// The simulator's jobs and files, safe to use from any thread; tests use it to set up and inspect a scenario.
///
/// Lookups by job or file id are O(1). Readers copy what they need under a short lock and encode outside it;
/// listing takes a copy-on-write snapshot of the job array, so it costs O(1) under the lock.
public final class JobStore: Sendable {
  /// Why a job could not be added.
  public enum StoreError: Error, Equatable, CustomStringConvertible {
    case duplicateJobID(String)

    public var description: String {
      switch self {
      case .duplicateJobID(let id): "a job with id \(id) already exists"
      }
    }
  }

  /// What a cancel request did.
  public enum CancelResult: Sendable, Equatable {
    /// The job is now cancelling or was already cancelling or cancelled.
    case accepted
    /// The job had already ended in the given status.
    case finished(String)
    case notFound
  }

  struct FileRef: Sendable {
    let jobIndex: Int
    let role: SimFile.Role
  }

  /// A finished job's encoded JSON, valid while the clock reads at least `validFrom` (it could be moved back).
  struct CachedJSON: Sendable {
    let buffer: ByteBuffer
    let validFrom: Double
  }

  struct State: Sendable {
    var jobs: [SimJob] = []
    /// Parallel to `jobs`; cleared whenever a job changes.
    var cachedJSON: [CachedJSON?] = []
    var jobIndex: [String: Int] = [:]
    var files: [String: FileRef] = [:]
    var random: SimRandom
  }

  /// The clock every job's status is computed from.
  public let clock: SimClock
  /// The `user_id` of every job.
  public let userID: String
  /// Simulated seconds from a cancel request to `CANCELLED`.
  public let cancelDelay: Double
  let state: NIOLockedValueBox<State>
  let ledger = RequestLedger()

  /// Creates an empty store; ids are generated deterministically from `seed`.
  public init(clock: SimClock, seed: UInt64 = 1, cancelDelay: Double = 2) {
    var random = SimRandom(seed: seed ^ 0x6a6f_6273)
    self.userID = "user_" + String(random.next() >> 16, radix: 36)
    self.clock = clock
    self.cancelDelay = cancelDelay
    self.state = NIOLockedValueBox(State(random: random))
  }

  // MARK: - Adding jobs

  /// Adds a job with the given lifecycle and returns its id.
  @discardableResult
  public func addJob(_ spec: SimJobSpec) throws -> String {
    try addJobs([spec])[0]
  }

  /// Adds several jobs at once (one lock), returning their ids in order.
  @discardableResult
  public func addJobs(_ specs: [SimJobSpec]) throws -> [String] {
    let now = clock.now
    return try state.withLockedValue { state in
      var ids: [String] = []
      ids.reserveCapacity(specs.count)
      for spec in specs {
        let id = spec.id ?? "batch-" + state.random.uuidString()
        guard state.jobIndex[id] == nil else { throw StoreError.duplicateJobID(id) }
        let inputFileID = spec.inputFileID ?? "file-" + state.random.uuidString()
        let outputFileID = spec.outputBytes > 0 ? "file-" + state.random.uuidString() : nil
        let errorFileID = spec.errorBytes > 0 ? "file-" + state.random.uuidString() : nil
        let index = state.jobs.count
        state.jobs.append(
          SimJob(
            id: id, sequence: index, userID: userID, inputFileID: inputFileID, outputFileID: outputFileID,
            errorFileID: errorFileID, createdAt: now - spec.createdAgo, spec: spec, cancelDelay: cancelDelay))
        state.jobIndex[id] = index
        state.cachedJSON.append(nil)
        if state.files[inputFileID] == nil { state.files[inputFileID] = FileRef(jobIndex: index, role: .input) }
        if let outputFileID { state.files[outputFileID] = FileRef(jobIndex: index, role: .output) }
        if let errorFileID { state.files[errorFileID] = FileRef(jobIndex: index, role: .error) }
        ids.append(id)
      }
      return ids
    }
  }

  // MARK: - Reading

  /// The number of jobs.
  public var count: Int { state.withLockedValue { $0.jobs.count } }

  /// The job with `id`, or nil.
  public func job(_ id: String) -> SimJob? {
    state.withLockedValue { state in state.jobIndex[id].map { state.jobs[$0] } }
  }

  /// Every job, in creation order (a cheap copy-on-write snapshot).
  public func jobs() -> [SimJob] {
    state.withLockedValue { $0.jobs }
  }

  /// The job with `id` as the API shows it now, or nil.
  public func state(of id: String) -> SimJobState? {
    job(id)?.state(at: clock.now)
  }

  /// The file with `id` if the API shows it now (an output file only once its job is `COMPLETED`), or, with
  /// `includingHidden`, whether or not it is visible yet.
  public func file(_ id: String, includingHidden: Bool = false) -> SimFile? {
    let found: (SimJob, SimFile.Role)? = state.withLockedValue { state in
      state.files[id].map { (state.jobs[$0.jobIndex], $0.role) }
    }
    guard let (job, role) = found else { return nil }
    let jobState = job.state(at: clock.now)
    let visible: Bool
    let created: Double
    switch role {
    case .input:
      (visible, created) = (true, job.createdAt)
    case .output:
      (visible, created) = (jobState.outputFileID == id, jobState.completedAt ?? job.naturalEnd)
    case .error:
      (visible, created) = (jobState.errorFileID == id, jobState.completedAt ?? job.naturalEnd)
    }
    guard visible || includingHidden else { return nil }
    let bytes = role == .input ? job.inputBytes : role == .output ? job.outputBytes : job.errorBytes
    let suffix = role == .input ? "input" : role == .output ? "output" : "errors"
    return SimFile(
      id: id, jobID: job.id, role: role, bytes: bytes, createdAt: Int(created), filename: "\(job.id)_\(suffix).jsonl",
      modelID: job.modelID)
  }

  /// The exact bytes `GET /v1/files/{id}/content` sends for `fileID` (visible or not yet), or nil if unknown.
  public func expectedContent(fileID: String) -> [UInt8]? {
    file(fileID, includingHidden: true)?.content()
  }
}
