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
  public var timeZone: TimeZone

  public init(
    json: Bool = false, color: Bool = false, width: Int? = nil, isTerminal: Bool = false, unicode: Bool = true,
    timeZone: TimeZone = .current
  ) {
    self.json = json
    self.color = color
    self.width = width
    self.isTerminal = isTerminal
    self.unicode = unicode
    self.timeZone = timeZone
  }

  /// Plain output for pipes and tests: no colour, Unicode bars, UTC.
  public static let plain = OutputOptions(timeZone: TimeZone(identifier: "UTC")!)

  /// Whether the environment's locale looks like UTF-8 (`LC_ALL`, `LC_CTYPE`, `LANG`, first one set).
  public static func localeIsUTF8(environment: [String: String]) -> Bool {
    for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
      if let value = environment[name], !value.isEmpty {
        let lowered = value.lowercased()
        return lowered.contains("utf-8") || lowered.contains("utf8")
      }
    }
    return false
  }
}
