import BatchCore

/// A parsed, checked parameter value.
public enum ArgumentValue: Sendable, Hashable {
  /// A job id, path, command name or free text.
  case string(String)
  /// The words of a variadic positional (job ids).
  case strings([String])
  case integer(Int)
  /// A duration in seconds.
  case seconds(Double)
  case flag(Bool)
  case statuses([BatchStatus])

  /// The value as JSON, for documentation (defaults) and echoing params.
  public var jsonValue: JSONValue {
    switch self {
    case .string(let text): return .string(text)
    case .strings(let words): return .array(words.map(JSONValue.string))
    case .integer(let number): return .integer(Int64(number))
    case .seconds(let seconds): return .number(seconds)
    case .flag(let on): return .bool(on)
    case .statuses(let statuses): return .array(statuses.map { .string($0.rawValue) })
    }
  }

  /// The value as a user would type it on the command line.
  public var commandLineText: String {
    switch self {
    case .string(let text): return text
    case .strings(let words): return words.joined(separator: " ")
    case .integer(let number): return String(number)
    case .seconds(let seconds): return seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    case .flag(let on): return on ? "true" : "false"
    case .statuses(let statuses): return statuses.map(\.rawValue).joined(separator: ",")
    }
  }
}
