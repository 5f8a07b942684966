import Foundation

/// One batch inference job as the Together API describes it; every field is optional on the wire.
///
/// Unknown fields are ignored. `progress` is kept exactly as the server sent it (a percentage 0–100 in the current
/// API); use `progressFraction` for display.
public struct BatchJob: Codable, Hashable, Sendable, Identifiable {
  public var id: String
  public var userID: String?
  public var inputFileID: String?
  public var fileSizeBytes: Int64?
  public var status: BatchStatus?
  public var jobDeadline: BatchTimestamp?
  public var createdAt: BatchTimestamp?
  public var endpoint: String?
  public var progress: Double?
  public var modelID: String?
  public var outputFileID: String?
  public var errorFileID: String?
  public var error: String?
  public var completedAt: BatchTimestamp?

  public init(
    id: String,
    userID: String? = nil,
    inputFileID: String? = nil,
    fileSizeBytes: Int64? = nil,
    status: BatchStatus? = nil,
    jobDeadline: BatchTimestamp? = nil,
    createdAt: BatchTimestamp? = nil,
    endpoint: String? = nil,
    progress: Double? = nil,
    modelID: String? = nil,
    outputFileID: String? = nil,
    errorFileID: String? = nil,
    error: String? = nil,
    completedAt: BatchTimestamp? = nil
  ) {
    self.id = id
    self.userID = userID
    self.inputFileID = inputFileID
    self.fileSizeBytes = fileSizeBytes
    self.status = status
    self.jobDeadline = jobDeadline
    self.createdAt = createdAt
    self.endpoint = endpoint
    self.progress = progress
    self.modelID = modelID
    self.outputFileID = outputFileID
    self.errorFileID = errorFileID
    self.error = error
    self.completedAt = completedAt
  }

  public enum CodingKeys: String, CodingKey, CaseIterable {
    case id
    case userID = "user_id"
    case inputFileID = "input_file_id"
    case fileSizeBytes = "file_size_bytes"
    case status
    case jobDeadline = "job_deadline"
    case createdAt = "created_at"
    case endpoint
    case progress
    case modelID = "model_id"
    case outputFileID = "output_file_id"
    case errorFileID = "error_file_id"
    case error
    case completedAt = "completed_at"
  }

  /// Decodes leniently: a field of an unexpected type is treated as absent rather than failing the whole job.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    id = (try? c.decodeIfPresent(String.self, forKey: .id)) ?? ""
    userID = try? c.decodeIfPresent(String.self, forKey: .userID)
    inputFileID = try? c.decodeIfPresent(String.self, forKey: .inputFileID)
    fileSizeBytes =
      (try? c.decodeIfPresent(Int64.self, forKey: .fileSizeBytes))
      ?? (try? c.decodeIfPresent(Double.self, forKey: .fileSizeBytes)).flatMap { Int64(exactly: $0.rounded()) }
    status = try? c.decodeIfPresent(BatchStatus.self, forKey: .status)
    jobDeadline = try? c.decodeIfPresent(BatchTimestamp.self, forKey: .jobDeadline)
    createdAt = try? c.decodeIfPresent(BatchTimestamp.self, forKey: .createdAt)
    endpoint = try? c.decodeIfPresent(String.self, forKey: .endpoint)
    progress = try? c.decodeIfPresent(Double.self, forKey: .progress)
    modelID = try? c.decodeIfPresent(String.self, forKey: .modelID)
    outputFileID = try? c.decodeIfPresent(String.self, forKey: .outputFileID)
    errorFileID = try? c.decodeIfPresent(String.self, forKey: .errorFileID)
    error = try? c.decodeIfPresent(String.self, forKey: .error)
    completedAt = try? c.decodeIfPresent(BatchTimestamp.self, forKey: .completedAt)
  }

  /// Encodes the wire shape; absent fields are omitted, never written as `null`.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(id, forKey: .id)
    try c.encodeIfPresent(userID, forKey: .userID)
    try c.encodeIfPresent(inputFileID, forKey: .inputFileID)
    try c.encodeIfPresent(fileSizeBytes, forKey: .fileSizeBytes)
    try c.encodeIfPresent(status, forKey: .status)
    try c.encodeIfPresent(jobDeadline, forKey: .jobDeadline)
    try c.encodeIfPresent(createdAt, forKey: .createdAt)
    try c.encodeIfPresent(endpoint, forKey: .endpoint)
    try c.encodeIfPresent(progress, forKey: .progress)
    try c.encodeIfPresent(modelID, forKey: .modelID)
    try c.encodeIfPresent(outputFileID, forKey: .outputFileID)
    try c.encodeIfPresent(errorFileID, forKey: .errorFileID)
    try c.encodeIfPresent(error, forKey: .error)
    try c.encodeIfPresent(completedAt, forKey: .completedAt)
  }

  // MARK: - Derived values

  /// Whether the job has reached a state it never leaves.
  public var isTerminal: Bool { status?.isTerminal ?? false }

  /// Progress as a fraction 0...1 (the wire value is a percentage), clamped; nil when the server sent none.
  public var progressFraction: Double? {
    guard let progress, progress.isFinite else { return nil }
    return min(max(progress / 100, 0), 1)
  }
}
