/// The process exit status of one-shot and script mode (SPEC §4), derived from an output or an error.
public struct ExitStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
  public let rawValue: Int32

  public init(rawValue: Int32) { self.rawValue = rawValue }

  /// Success; for `watch --exit-status`, every watched job `COMPLETED`.
  public static let success = ExitStatus(rawValue: 0)
  /// A command failed: API error, not found, network failure, invalid state, partial cancel.
  public static let failure = ExitStatus(rawValue: 1)
  /// `watch --exit-status`: a watched job ended `FAILED`, `EXPIRED` or `CANCELLED`.
  public static let unsuccessfulJob = ExitStatus(rawValue: 3)
  /// No key, or the server answered 401/403.
  public static let authentication = ExitStatus(rawValue: 4)
  /// Unknown command, bad flag or argument (`EX_USAGE`).
  public static let usage = ExitStatus(rawValue: 64)
  /// `watch --timeout` ran out.
  public static let timeout = ExitStatus(rawValue: 124)
  /// Interrupted by SIGINT (128 + 2).
  public static let interrupted = ExitStatus(rawValue: 130)

  public var description: String { String(rawValue) }

  // MARK: - Mapping

  /// The status for an error class.
  public init(_ kind: ErrorKind) {
    switch kind {
    case .usage, .unknownCommand, .invalidParams: self = .usage
    case .unauthorized: self = .authentication
    case .watchTimeout: self = .timeout
    case .interrupted: self = .interrupted
    case .notFound, .rateLimited, .unavailable, .invalidState, .timeout, .failed: self = .failure
    }
  }

  /// The status for a command that ended with an error.
  public init(error: any Error) {
    self.init(ErrorKind(error))
  }

  /// The status for a command that produced an output: non-zero for partial failures and unsuccessful watches.
  public init(output: CommandOutput) {
    switch output {
    case .cancel(let jobs, let failures) where !failures.isEmpty:
      // When every id failed the command failed as its first error did (a rejected key is 4, not 1).
      self = jobs.isEmpty ? ExitStatus(error: failures[0].error) : .failure
    case .watch(let result):
      if result.summary.timedOut {
        self = .timeout
      } else {
        self = result.exitStatusRequested && !result.summary.allCompleted ? .unsuccessfulJob : .success
      }
    default:
      self = .success
    }
  }
}
