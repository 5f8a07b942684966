/// A failure of the command layer itself: bad input, a missing capability, a watch that ran out of time.
///
/// API failures stay `BatchError`s; `ErrorKind` classifies both for exit codes and JSON-RPC error codes.
public enum CommandError: Error, Sendable, Equatable {
  /// The words or values do not fit the command; `command` names it so its usage line can be shown.
  case usage(String, command: String?)
  /// No command (or JSON-RPC method) has this name.
  case unknownCommand(String, message: String)
  /// JSON-RPC params that do not fit the method: missing, mistyped or unknown.
  case invalidParams(String)
  /// The command exists but cannot run in this build or front end.
  case unsupported(String)
  /// `watch --timeout` ran out before every job was terminal.
  case watchTimedOut(seconds: Double)

  /// The message, fit to show after `error: `.
  public var message: String {
    switch self {
    case .usage(let message, _), .unknownCommand(_, let message), .invalidParams(let message),
      .unsupported(let message):
      return message
    case .watchTimedOut(let seconds):
      return "watch timed out after \(Self.format(seconds: seconds)) before every job finished"
    }
  }

  /// The class of failure, for exit codes and JSON-RPC errors.
  public var kind: ErrorKind {
    switch self {
    case .usage: return .usage
    case .unknownCommand: return .unknownCommand
    case .invalidParams: return .invalidParams
    case .unsupported: return .failed
    case .watchTimedOut: return .watchTimeout
    }
  }

  /// Seconds as a user wrote them: `5s`, `0.5s`.
  static func format(seconds: Double) -> String {
    seconds == seconds.rounded() && abs(seconds) < 1e15 ? "\(Int(seconds))s" : "\(seconds)s"
  }
}

extension CommandError: CustomStringConvertible {
  public var description: String { message }
}
