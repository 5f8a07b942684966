import Foundation

/// How the front end wants output: JSON or tables, colour, the terminal's width, the time zone for dates.
public struct OutputOptions: Sendable, Equatable {
  /// Print JSON instead of tables (`--json`, or `set output json` in the REPL).
  public var json: Bool
  /// Use ANSI colours and bold (see `ColorMode`).
  public var color: Bool
  /// The terminal's width in columns, when output goes to a terminal of known size.
  public var width: Int?
  /// Whether output goes to a terminal (pretty JSON, the bell, in-place redraws).
  public var isTerminal: Bool
  /// Whether the terminal shows Unicode (progress bars in `█░`, else `#.`).
  public var unicode: Bool
  /// The zone absolute times are shown in.
  public var zone: DisplayZone

  public init(
    json: Bool = false, color: Bool = false, width: Int? = nil, isTerminal: Bool = false, unicode: Bool = true,
    zone: DisplayZone = .local
  ) {
    self.json = json
    self.color = color
    self.width = width
    self.isTerminal = isTerminal
    self.unicode = unicode
    self.zone = zone
  }

  /// Plain output for pipes and tests: no colour, Unicode bars, UTC.
  public static let plain = OutputOptions(zone: .utc)

  /// Whether the environment's locale looks like UTF-8 (`LC_ALL`, `LC_CTYPE`, `LANG`, first one set).
  public static func localeIsUTF8(environment: [String: String]) -> Bool {
    for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
      if let value = environment[name], !value.isEmpty {
        // `firstRange(of:)` is the standard library's; Foundation's `contains` would go through NSString.
        let lowered = value.lowercased()
        return lowered.firstRange(of: "utf-8") != nil || lowered.firstRange(of: "utf8") != nil
      }
    }
    return false
  }
}
