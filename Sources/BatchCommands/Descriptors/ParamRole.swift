/// How a parameter appears on the command line.
public enum ParamRole: String, Sendable, Codable, CaseIterable {
  /// One word in a fixed position (`get ID`).
  case positional
  /// Every remaining positional word (`cancel ID…`).
  case variadic
  /// A named option with a value (`--limit N`).
  case option
  /// A named switch without a value (`--active`).
  case flag

  /// Whether the parameter is given by position rather than by name.
  public var isPositional: Bool { self == .positional || self == .variadic }
}
