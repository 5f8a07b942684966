/// One parameter of a command: its names on the command line and in JSON-RPC, its kind, role and documentation.
public struct ParamDescriptor: Sendable, Equatable {
  /// The RPC name (`id`, `ids`, `exit_status`); the long flag is derived from it (`--exit-status`).
  public var name: String
  public var kind: ParamKind
  public var role: ParamRole
  /// A single-letter alias such as `o` for `-o`, for options and flags only.
  public var short: Character?
  public var isRequired: Bool
  /// The value a handler sees when the parameter is not given.
  public var defaultValue: ArgumentValue?
  /// One line for help and generated documentation.
  public var summary: String
  /// The placeholder for the value in usage lines (`ID`, `N`, `PATH`).
  public var valueName: String

  public init(
    name: String, kind: ParamKind, role: ParamRole, short: Character? = nil, isRequired: Bool = false,
    defaultValue: ArgumentValue? = nil, summary: String, valueName: String? = nil
  ) {
    self.name = name
    self.kind = kind
    self.role = role
    self.short = short
    self.isRequired = isRequired
    self.defaultValue = defaultValue
    self.summary = summary
    self.valueName = valueName ?? kind.defaultValueName
  }

  // MARK: - Builders

  /// A required or optional single positional argument.
  public static func positional(
    _ name: String, _ kind: ParamKind, required: Bool = true, summary: String, valueName: String? = nil
  ) -> ParamDescriptor {
    ParamDescriptor(name: name, kind: kind, role: .positional, isRequired: required, summary: summary,
      valueName: valueName)
  }

  /// The positional arguments that remain, one or more when `required`.
  public static func variadic(
    _ name: String, _ kind: ParamKind, required: Bool, summary: String, valueName: String? = nil
  ) -> ParamDescriptor {
    ParamDescriptor(name: name, kind: kind, role: .variadic, isRequired: required, summary: summary,
      valueName: valueName)
  }

  /// A named option taking a value.
  public static func option(
    _ name: String, _ kind: ParamKind, short: Character? = nil, default defaultValue: ArgumentValue? = nil,
    summary: String, valueName: String? = nil
  ) -> ParamDescriptor {
    ParamDescriptor(name: name, kind: kind, role: .option, short: short, defaultValue: defaultValue,
      summary: summary, valueName: valueName)
  }

  /// A boolean switch, false unless given.
  public static func flag(_ name: String, short: Character? = nil, summary: String) -> ParamDescriptor {
    ParamDescriptor(name: name, kind: .flag, role: .flag, short: short, defaultValue: .flag(false), summary: summary)
  }

  // MARK: - Spellings

  /// The long command-line spelling (`--exit-status`), or nil for positional arguments.
  public var longFlag: String? {
    role.isPositional ? nil : "--" + name.replacingOccurrences(of: "_", with: "-")
  }

  /// The short spelling (`-o`), when there is one.
  public var shortFlag: String? { short.map { "-\($0)" } }

  /// Where tab completion finds values for this parameter.
  public var completion: CompletionSource { kind.completion }

  /// How the parameter reads in a usage line: `ID`, `[ID…]`, `[--limit N]`, `[--active]`.
  public var usageFragment: String {
    let body: String
    switch role {
    case .positional: body = valueName
    case .variadic: body = valueName + "…"
    case .option: body = "\(longFlag ?? name) \(valueName)"
    case .flag: body = longFlag ?? name
    }
    return isRequired ? body : "[\(body)]"
  }

  /// How the parameter is named in help's option list: `-o, --output PATH` or `ID…`.
  public var helpLabel: String {
    switch role {
    case .positional: return valueName
    case .variadic: return valueName + "…"
    case .option, .flag:
      let long = longFlag ?? name
      let withValue = role == .option ? "\(long) \(valueName)" : long
      return shortFlag.map { "\($0), \(withValue)" } ?? withValue
    }
  }
}
