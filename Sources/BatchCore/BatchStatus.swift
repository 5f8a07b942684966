import Foundation

/// The status of a batch job: one of the known lifecycle states, or any other string kept verbatim.
///
/// The API may grow new states; an unknown status decodes without error, is treated as not terminal
/// and is shown exactly as the server sent it.
public struct BatchStatus: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
  public let rawValue: String

  public init(rawValue: String) { self.rawValue = rawValue }

  public init(from decoder: any Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(String.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }

  public var description: String { rawValue }

  // MARK: - Known states

  public static let validating = BatchStatus(rawValue: "VALIDATING")
  public static let inProgress = BatchStatus(rawValue: "IN_PROGRESS")
  public static let completed = BatchStatus(rawValue: "COMPLETED")
  public static let failed = BatchStatus(rawValue: "FAILED")
  public static let expired = BatchStatus(rawValue: "EXPIRED")
  /// The transient cancellation state, spelled as the legacy SDK spells it.
  public static let canceling = BatchStatus(rawValue: "CANCELING")
  /// The other spelling of the transient cancellation state, accepted as a synonym of `canceling`.
  public static let cancelling = BatchStatus(rawValue: "CANCELLING")
  public static let cancelled = BatchStatus(rawValue: "CANCELLED")

  /// Every state the tool knows, in lifecycle order (the `CANCELLING` spelling is folded into `CANCELING`).
  public static let known: [BatchStatus] = [
    .validating, .inProgress, .completed, .failed, .expired, .canceling, .cancelled,
  ]

  /// The states a job never leaves.
  public static let terminal: Set<BatchStatus> = [.completed, .failed, .expired, .cancelled]

  // MARK: - Lifecycle rules

  /// Whether the job will never change again.
  public var isTerminal: Bool { Self.terminal.contains(self) }

  /// Whether the job is still running (the opposite of `isTerminal`; unknown states count as active).
  public var isActive: Bool { !isTerminal }

  /// Whether the job is known to this tool (false for a status string the API added later).
  public var isKnown: Bool { Self.known.contains(self) || self == .cancelling }

  /// Whether the job is being or has been cancelled.
  public var isCancellation: Bool { self == .canceling || self == .cancelling || self == .cancelled }

  /// Whether a terminal job ended without producing its full output (`FAILED`, `EXPIRED`, `CANCELLED`).
  public var isUnsuccessfulEnd: Bool { self == .failed || self == .expired || self == .cancelled }

  /// Parses a user-typed status name, case-insensitively and with `-` accepted for `_`.
  ///
  /// Returns nil for an empty string; any other text is kept (upper-cased) so unknown states can be filtered too.
  public static func parse(_ text: String) -> BatchStatus? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty else { return nil }
    let normalized = trimmed.uppercased().replacingOccurrences(of: "-", with: "_")
    return BatchStatus(rawValue: normalized)
  }

  /// Whether two statuses name the same state, treating `CANCELING` and `CANCELLING` as one.
  public func matches(_ other: BatchStatus) -> Bool {
    if self == other { return true }
    let cancel: Set<BatchStatus> = [.canceling, .cancelling]
    return cancel.contains(self) && cancel.contains(other)
  }
}
