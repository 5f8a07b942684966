import BatchCore

/// The type of value a parameter takes, which decides how it is parsed, checked, completed and documented.
public enum ParamKind: Sendable, Equatable {
  /// A job id, checked with `IDValidator`.
  case jobID
  /// A list of job statuses: comma-separated on the command line, a JSON array in RPC.
  case statusList
  /// A local file or directory path.
  case path
  /// A whole number within `bounds`.
  case integer(bounds: ClosedRange<Int>)
  /// A duration in seconds, fractional allowed, greater than zero and at most `maximum`.
  case duration(maximum: Double)
  /// A boolean switch that takes no value on the command line.
  case flag
  /// The name of a command in the table.
  case commandName
  /// Free text.
  case string
  /// One word of a fixed set, matched in any case and kept in the spelling listed (`json`, `table`).
  case choice([String])

  // MARK: - Derived properties

  /// The placeholder shown in usage lines and help (`ID`, `S,…`, `N`, `PATH`, `SECONDS`).
  public var defaultValueName: String {
    switch self {
    case .jobID: return "ID"
    case .statusList: return "S,…"
    case .path: return "PATH"
    case .integer: return "N"
    case .duration: return "SECONDS"
    case .flag: return ""
    case .commandName: return "COMMAND"
    case .string: return "TEXT"
    case .choice(let words): return words.joined(separator: "|")
    }
  }

  /// Where tab completion finds candidates for a value of this kind.
  public var completion: CompletionSource {
    switch self {
    case .jobID: return .jobIDs
    case .statusList: return .statusNames
    case .path: return .filePaths
    case .commandName: return .commandNames
    case .choice: return .choices
    case .integer, .duration, .flag, .string: return .none
    }
  }

  /// A short stable name for the kind, used in `CommandTableInfo`.
  public var name: String {
    switch self {
    case .jobID: return "job-id"
    case .statusList: return "status-list"
    case .path: return "path"
    case .integer: return "integer"
    case .duration: return "duration"
    case .flag: return "flag"
    case .commandName: return "command"
    case .string: return "string"
    case .choice: return "choice"
    }
  }

  /// The fixed words a value may be, for help, completion and documentation; nil when the set is open.
  public var choices: [String]? {
    switch self {
    case .statusList: return Self.statusNames
    case .choice(let words): return words
    case .jobID, .path, .integer, .duration, .flag, .commandName, .string: return nil
    }
  }

  /// The status names a status list accepts, in lifecycle order (both spellings of the cancelling state).
  public static var statusNames: [String] {
    var names = BatchStatus.known.map(\.rawValue)
    if let index = names.firstIndex(of: BatchStatus.canceling.rawValue) {
      names.insert(BatchStatus.cancelling.rawValue, at: index + 1)
    }
    return names
  }
}

/// Where tab completion looks for the values of a parameter.
public enum CompletionSource: String, Sendable, Codable, CaseIterable {
  case none
  case jobIDs = "job-ids"
  case statusNames = "status-names"
  case filePaths = "file-paths"
  case commandNames = "command-names"
  /// The fixed words of a `ParamKind.choice`.
  case choices
}
