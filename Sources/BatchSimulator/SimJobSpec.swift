/// How a simulated job ends when nobody cancels it.
public enum SimOutcome: String, Sendable, Codable, CaseIterable {
  case completed = "COMPLETED"
  case failed = "FAILED"
  case expired = "EXPIRED"
}

/// The lifecycle of a job to add to the simulator: when it was created, how long each phase lasts, how it ends.
///
/// Times are in simulated seconds. A job is `VALIDATING` for `validatingSeconds`, then `IN_PROGRESS` for
/// `runSeconds` with progress rising linearly from 0 to `finalProgress` (100 for a completed job), then ends in
/// `outcome`. `cancelAfter` (seconds after creation) cancels it on its own, as if a user had asked.
public struct SimJobSpec: Sendable, Codable, Equatable {
  /// A fixed id (default: a generated `batch-<uuid>`).
  public var id: String?
  /// How long before the clock's now the job was created (0 = created now).
  public var createdAgo: Double
  public var validatingSeconds: Double
  public var runSeconds: Double
  public var outcome: SimOutcome
  /// Where progress stops for FAILED and EXPIRED jobs (default: 100 for COMPLETED, else 40).
  public var finalProgress: Double?
  /// Size of the output file of a COMPLETED job, exactly (0 = no output file).
  public var outputBytes: Int
  /// Size of the error file (0 = none), shown at COMPLETED (partial failures) and FAILED.
  public var errorBytes: Int
  /// The `error` text of a FAILED job.
  public var errorText: String?
  /// Size of the input file, reported as `file_size_bytes`.
  public var inputBytes: Int
  /// The id of an existing (or new) input file (default: a generated `file-<uuid>`).
  public var inputFileID: String?
  public var endpoint: String
  public var modelID: String
  /// Seconds after creation at which the job is cancelled (nil = never).
  public var cancelAfter: Double?
  /// Whether the job's timestamps carry fractional seconds.
  public var fractionalTimestamps: Bool

  /// Creates a spec; every argument has a default for a short, successful job created now.
  public init(
    id: String? = nil, createdAgo: Double = 0, validatingSeconds: Double = 5, runSeconds: Double = 30,
    outcome: SimOutcome = .completed, finalProgress: Double? = nil, outputBytes: Int = 4096, errorBytes: Int = 0,
    errorText: String? = nil, inputBytes: Int = 2048, inputFileID: String? = nil,
    endpoint: String = "/v1/chat/completions",
    modelID: String = "meta-llama/Llama-3.3-70B-Instruct-Turbo", cancelAfter: Double? = nil,
    fractionalTimestamps: Bool = true
  ) {
    self.id = id
    self.createdAgo = createdAgo
    self.validatingSeconds = validatingSeconds
    self.runSeconds = runSeconds
    self.outcome = outcome
    self.finalProgress = finalProgress
    self.outputBytes = outputBytes
    self.errorBytes = errorBytes
    self.errorText = errorText
    self.inputBytes = inputBytes
    self.inputFileID = inputFileID
    self.endpoint = endpoint
    self.modelID = modelID
    self.cancelAfter = cancelAfter
    self.fractionalTimestamps = fractionalTimestamps
  }

  enum CodingKeys: String, CodingKey {
    case id, outcome, endpoint
    case createdAgo = "created_ago"
    case validatingSeconds = "validating_seconds"
    case runSeconds = "run_seconds"
    case finalProgress = "final_progress"
    case outputBytes = "output_bytes"
    case errorBytes = "error_bytes"
    case errorText = "error"
    case inputBytes = "input_bytes"
    case inputFileID = "input_file_id"
    case modelID = "model_id"
    case cancelAfter = "cancel_after"
    case fractionalTimestamps = "fractional_timestamps"
  }

  /// Decodes a spec from JSON, taking the default for every missing key (used by `POST /_sim/jobs`).
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let d = SimJobSpec()
    self.init(
      id: try c.decodeIfPresent(String.self, forKey: .id),
      createdAgo: try c.decodeIfPresent(Double.self, forKey: .createdAgo) ?? d.createdAgo,
      validatingSeconds: try c.decodeIfPresent(Double.self, forKey: .validatingSeconds) ?? d.validatingSeconds,
      runSeconds: try c.decodeIfPresent(Double.self, forKey: .runSeconds) ?? d.runSeconds,
      outcome: try c.decodeIfPresent(SimOutcome.self, forKey: .outcome) ?? d.outcome,
      finalProgress: try c.decodeIfPresent(Double.self, forKey: .finalProgress),
      outputBytes: try c.decodeIfPresent(Int.self, forKey: .outputBytes) ?? d.outputBytes,
      errorBytes: try c.decodeIfPresent(Int.self, forKey: .errorBytes) ?? d.errorBytes,
      errorText: try c.decodeIfPresent(String.self, forKey: .errorText),
      inputBytes: try c.decodeIfPresent(Int.self, forKey: .inputBytes) ?? d.inputBytes,
      inputFileID: try c.decodeIfPresent(String.self, forKey: .inputFileID),
      endpoint: try c.decodeIfPresent(String.self, forKey: .endpoint) ?? d.endpoint,
      modelID: try c.decodeIfPresent(String.self, forKey: .modelID) ?? d.modelID,
      cancelAfter: try c.decodeIfPresent(Double.self, forKey: .cancelAfter),
      fractionalTimestamps: try c.decodeIfPresent(Bool.self, forKey: .fractionalTimestamps) ?? true
    )
  }
}
