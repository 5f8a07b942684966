/// The status strings of the Together Batch API, and which of them are final.
public enum SimStatus {
  public static let validating = "VALIDATING"
  public static let inProgress = "IN_PROGRESS"
  public static let completed = "COMPLETED"
  public static let failed = "FAILED"
  public static let expired = "EXPIRED"
  /// The transient cancellation state, spelled as the legacy SDK spells it.
  public static let canceling = "CANCELING"
  public static let cancelled = "CANCELLED"

  /// The statuses a job never leaves.
  public static let terminal: Set<String> = [completed, failed, expired, cancelled]

  /// Whether `status` is one a job never leaves.
  public static func isTerminal(_ status: String) -> Bool {
    terminal.contains(status)
  }
}

/// A job as the API shows it at one instant: its status and the fields that depend on it.
public struct SimJobState: Sendable, Equatable {
  public var status: String
  /// Percentage, 0–100.
  public var progress: Double
  /// Simulated seconds since the epoch; set for terminal jobs only.
  public var completedAt: Double?
  /// Set at `COMPLETED` only.
  public var outputFileID: String?
  /// Set at `COMPLETED` (partial failures) or `FAILED`, when the job has an error file.
  public var errorFileID: String?
  /// Set at `FAILED` only.
  public var error: String?

  /// Creates a state; the optional fields default to absent.
  public init(
    status: String, progress: Double, completedAt: Double? = nil, outputFileID: String? = nil,
    errorFileID: String? = nil, error: String? = nil
  ) {
    self.status = status
    self.progress = progress
    self.completedAt = completedAt
    self.outputFileID = outputFileID
    self.errorFileID = errorFileID
    self.error = error
  }

  /// Whether the job has reached a status it never leaves.
  public var isTerminal: Bool { SimStatus.isTerminal(status) }
}
