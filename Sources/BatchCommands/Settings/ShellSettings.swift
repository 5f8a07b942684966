/// The settings a line session (REPL or script) changes with `set`, such as `set output json`.
///
/// They live in the session's `OutputOptions`: `init(options:)` reads them and `applied(to:)` writes them back, so
/// a setting means exactly what the matching command-line flag means (`output json` is `--json` on every command).
/// Launch-time choices (the server, `--color`) are `SessionSettings` in BatchShell and are not changed here.
public struct ShellSettings: Sendable, Equatable {
  /// How commands print: tables or JSON.
  public var output: OutputFormat

  public init(output: OutputFormat = .table) {
    self.output = output
  }

  /// The settings as they stand in some output options.
  public init(options: OutputOptions) {
    self.init(output: options.json ? .json : .table)
  }

  /// The options with these settings in place.
  public func applied(to options: OutputOptions) -> OutputOptions {
    var options = options
    options.json = output == .json
    return options
  }

  // MARK: - By name

  /// A setting's name, as `set` takes it.
  public enum Name: String, Sendable, CaseIterable, Codable {
    case output

    /// The words the setting can be set to.
    public var choices: [String] {
      switch self {
      case .output: return OutputFormat.allCases.map(\.rawValue)
      }
    }
  }

  /// A setting's value as `set` shows it.
  public func value(of name: Name) -> String {
    switch name {
    case .output: return output.rawValue
    }
  }

  /// Some settings' values by name, for JSON: `{"output":"json"}`.
  public func values(of names: [Name]) -> [String: String] {
    Dictionary(names.map { ($0.rawValue, value(of: $0)) }, uniquingKeysWith: { first, _ in first })
  }

  /// Changes a setting to one of its `choices`; false, changing nothing, for any other word.
  public mutating func set(_ name: Name, to value: String) -> Bool {
    switch name {
    case .output:
      guard let format = OutputFormat(rawValue: value) else { return false }
      output = format
    }
    return true
  }
}

/// How a command's result is printed.
public enum OutputFormat: String, Sendable, CaseIterable, Codable {
  /// Human tables and cards (the default).
  case table
  /// The JSON of SPEC §3, as with `--json`.
  case json
}
