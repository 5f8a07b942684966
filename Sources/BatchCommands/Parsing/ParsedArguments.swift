import BatchCore

/// The checked values of one invocation, keyed by parameter name, with defaults filled in.
public struct ParsedArguments: Sendable, Equatable {
  /// Every parameter with a value: given ones and defaults.
  public private(set) var values: [String: ArgumentValue]
  /// The names of parameters given explicitly (not defaulted).
  public private(set) var explicit: Set<String>
  /// Whether `--json` was given (always true for JSON-RPC).
  public var json: Bool

  public init(values: [String: ArgumentValue] = [:], json: Bool = false) {
    self.values = values
    self.explicit = Set(values.keys)
    self.json = json
  }

  // MARK: - Building

  /// Records an explicitly given value, replacing an earlier one.
  public mutating func set(_ name: String, _ value: ArgumentValue) {
    values[name] = value
    explicit.insert(name)
  }

  /// Fills in the defaults of parameters that were not given.
  mutating func applyDefaults(of command: CommandDescriptor) {
    for param in command.params where values[param.name] == nil {
      if let value = param.defaultValue { values[param.name] = value }
    }
  }

  // MARK: - Typed access

  /// Whether the parameter was given explicitly.
  public func isGiven(_ name: String) -> Bool { explicit.contains(name) }

  /// A string-valued parameter (job id, path, command name, text).
  public func string(_ name: String) -> String? {
    if case .string(let text) = values[name] { return text }
    return nil
  }

  /// A variadic positional's words, empty when none were given.
  public func strings(_ name: String) -> [String] {
    switch values[name] {
    case .strings(let words): return words
    case .string(let word): return [word]
    default: return []
    }
  }

  /// An integer parameter.
  public func integer(_ name: String) -> Int? {
    if case .integer(let number) = values[name] { return number }
    return nil
  }

  /// A duration parameter, in seconds.
  public func seconds(_ name: String) -> Double? {
    if case .seconds(let seconds) = values[name] { return seconds }
    return nil
  }

  /// A flag, false when not given.
  public func flag(_ name: String) -> Bool {
    if case .flag(let on) = values[name] { return on }
    return false
  }

  /// A status-list parameter, empty when not given.
  public func statuses(_ name: String) -> [BatchStatus] {
    if case .statuses(let statuses) = values[name] { return statuses }
    return []
  }
}
