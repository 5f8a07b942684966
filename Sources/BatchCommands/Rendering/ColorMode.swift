/// The `--color` setting and its resolution against the terminal and the environment (SPEC §2).
public enum ColorMode: String, Sendable, CaseIterable, Codable {
  /// Colour when the output is a terminal, unless the environment says otherwise.
  case auto
  case always
  case never

  /// Whether to colour output.
  ///
  /// `always` and `never` win over the environment. Under `auto`: a non-empty `NO_COLOR` turns colour off,
  /// `CLICOLOR_FORCE` other than `0` turns it on even for a pipe, and otherwise colour needs a terminal whose
  /// `TERM` is not `dumb`.
  public func isEnabled(isTerminal: Bool, environment: [String: String]) -> Bool {
    switch self {
    case .always: return true
    case .never: return false
    case .auto:
      if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
      if let force = environment["CLICOLOR_FORCE"], !force.isEmpty, force != "0" { return true }
      return isTerminal && environment["TERM"] != "dumb"
    }
  }
}
