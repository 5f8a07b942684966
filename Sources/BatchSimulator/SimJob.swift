/// One simulated batch job: a fixed timeline from which its status at any instant is computed, never stored.
///
/// Nothing ticks: ``state(at:)`` derives status, progress and the optional fields from the clock reading, so
/// 10,000 jobs cost nothing until somebody asks. Only a cancel request or a forced status changes a job.
public struct SimJob: Sendable {
  public let id: String
  /// Creation order within the store, from 0.
  public let sequence: Int
  public let userID: String
  public let inputFileID: String
  /// The id the output file gets at `COMPLETED` (nil when the job has no output).
  public let outputFileID: String?
  /// The id of the error file shown at `COMPLETED` or `FAILED` (nil when there is none).
  public let errorFileID: String?
  /// Creation time, simulated seconds since the Unix epoch.
  public let createdAt: Double
  public let validatingSeconds: Double
  public let runSeconds: Double
  public let outcome: SimOutcome
  public let finalProgress: Double
  public let outputBytes: Int
  public let errorBytes: Int
  public let inputBytes: Int
  public let errorText: String
  public let endpoint: String
  public let modelID: String
  public let fractionalTimestamps: Bool
  /// Simulated seconds from a cancel request to `CANCELLED`.
  public let cancelDelay: Double
  /// When a cancel was accepted (nil = never).
  public internal(set) var cancelRequestedAt: Double?
  /// A status imposed by a test, overriding the timeline (nil = follow the timeline).
  public internal(set) var forced: ForcedStatus?
  /// The fields that never change, already encoded as JSON (`{"id":…,` up to the dynamic fields).
  private(set) var staticJSON: [UInt8]

  /// A status imposed on a job: the raw status text, when it was imposed and the progress at that time.
  public struct ForcedStatus: Sendable, Equatable {
    public var status: String
    public var at: Double
    public var progress: Double
  }

  init(id: String, sequence: Int, userID: String, inputFileID: String, outputFileID: String?, errorFileID: String?,
    createdAt: Double, spec: SimJobSpec, cancelDelay: Double)
  {
    self.id = id
    self.sequence = sequence
    self.userID = userID
    self.inputFileID = inputFileID
    self.outputFileID = outputFileID
    self.errorFileID = errorFileID
    self.createdAt = createdAt
    self.validatingSeconds = max(0, spec.validatingSeconds)
    self.runSeconds = max(0, spec.runSeconds)
    self.outcome = spec.outcome
    self.finalProgress = spec.outcome == .completed ? 100 : min(100, max(0, spec.finalProgress ?? 40))
    self.outputBytes = max(0, spec.outputBytes)
    self.errorBytes = max(0, spec.errorBytes)
    self.inputBytes = max(0, spec.inputBytes)
    self.errorText = spec.errorText ?? "Batch processing failed: the model returned too many errors"
    self.endpoint = spec.endpoint
    self.modelID = spec.modelID
    self.fractionalTimestamps = spec.fractionalTimestamps
    self.cancelDelay = cancelDelay
    self.cancelRequestedAt = spec.cancelAfter.map { createdAt + max(0, $0) }
    self.staticJSON = []
    self.staticJSON = JobJSON.staticFields(of: self)
  }

  /// When the timeline reaches its outcome, in simulated seconds since the epoch.
  public var naturalEnd: Double { createdAt + validatingSeconds + runSeconds }

  /// The job as the API shows it at simulated time `t`.
  public func state(at t: Double) -> SimJobState {
    if let forced {
      return forcedState(forced)
    }
    if let cancelAt = cancelRequestedAt, t >= cancelAt {
      let progress = timelineProgress(at: cancelAt)
      if t >= cancelAt + cancelDelay {
        return SimJobState(status: SimStatus.cancelled, progress: progress, completedAt: cancelAt + cancelDelay)
      }
      return SimJobState(status: SimStatus.canceling, progress: progress)
    }
    let validatedAt = createdAt + validatingSeconds
    if t < validatedAt {
      return SimJobState(status: SimStatus.validating, progress: 0)
    }
    if t < naturalEnd {
      return SimJobState(status: SimStatus.inProgress, progress: timelineProgress(at: t))
    }
    return outcomeState(status: outcome.rawValue, at: naturalEnd, progress: finalProgress)
  }

  // MARK: - Private

  private func timelineProgress(at t: Double) -> Double {
    let validatedAt = createdAt + validatingSeconds
    guard t > validatedAt else { return 0 }
    guard runSeconds > 0, t < naturalEnd else { return finalProgress }
    return finalProgress * (t - validatedAt) / runSeconds
  }

  private func forcedState(_ forced: ForcedStatus) -> SimJobState {
    let terminal = SimStatus.isTerminal(forced.status)
    let progress = forced.status == SimStatus.completed ? 100 : forced.progress
    guard terminal else { return SimJobState(status: forced.status, progress: progress) }
    return outcomeState(status: forced.status, at: forced.at, progress: progress)
  }

  private func outcomeState(status: String, at end: Double, progress: Double) -> SimJobState {
    var state = SimJobState(status: status, progress: progress, completedAt: end)
    switch status {
    case SimStatus.completed:
      state.outputFileID = outputFileID
      state.errorFileID = errorFileID
    case SimStatus.failed:
      state.errorFileID = errorFileID
      state.error = errorText
    default:
      break
    }
    return state
  }
}
