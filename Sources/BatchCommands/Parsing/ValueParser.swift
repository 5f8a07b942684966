import BatchCore

/// Checks and converts one parameter value, from command-line text or from JSON; shared by both parsers.
///
/// Problems come back as a reason without the error class, so each parser wraps them in its own `CommandError`.
enum ValueParser {
  /// A reason a value was refused, worded to follow the parameter's name.
  struct Problem: Error {
    var message: String
  }

  // MARK: - Command-line text

  /// Converts command-line text for a parameter; `label` names it in messages (`--limit`, `ID`).
  static func parse(_ text: String, for param: ParamDescriptor, label: String, table: CommandTable,
    frontEnd: FrontEnd) throws(Problem) -> ArgumentValue
  {
    switch param.kind {
    case .jobID:
      return .string(try jobID(text))
    case .statusList:
      return .statuses(try statuses(text.split(separator: ",", omittingEmptySubsequences: false).map(String.init),
        label: label))
    case .path:
      return .string(try path(text, label: label))
    case .integer(let bounds):
      guard let number = Int(text.trimmingCharacters(in: .whitespaces)) else {
        throw Problem(message: "invalid value '\(printable(text))' for \(label): expected \(describe(bounds))")
      }
      return .integer(try integer(number, bounds: bounds, label: label))
    case .duration(let maximum):
      guard let seconds = secondsValue(text) else {
        throw Problem(message: "invalid value '\(printable(text))' for \(label): expected a number of seconds")
      }
      return .seconds(try duration(seconds, maximum: maximum, label: label))
    case .flag:
      throw Problem(message: "\(label) takes no value")
    case .commandName:
      return .string(try commandName(text, table: table, frontEnd: frontEnd))
    case .string:
      return .string(text)
    case .choice(let words):
      return .string(try choice(text, from: words, label: label))
    }
  }

  /// Reads `5`, `0.5`, `90s`, `2m` or `1h` as seconds.
  static func secondsValue(_ text: String) -> Double? {
    var body = Substring(text.trimmingCharacters(in: .whitespaces).lowercased())
    var scale = 1.0
    if let unit = body.last, let factor = ["s": 1.0, "m": 60.0, "h": 3600.0][String(unit)] {
      body = body.dropLast()
      scale = factor
    }
    guard let value = Double(body), value.isFinite else { return nil }
    return value * scale
  }

  // MARK: - Checks shared with JSON params

  static func jobID(_ id: String) throws(Problem) -> String {
    do {
      return try IDValidator.validate(id)
    } catch {
      throw Problem(message: error.description)
    }
  }

  static func statuses(_ names: [String], label: String) throws(Problem) -> [BatchStatus] {
    var result: [BatchStatus] = []
    for name in names {
      guard let status = BatchStatus.parse(name) else {
        throw Problem(message: "empty status in \(label) (valid: \(ParamKind.statusNames.joined(separator: ", ")))")
      }
      guard status.isKnown else {
        let hint = Suggestion.nearest(to: status.rawValue, in: ParamKind.statusNames).map { "; did you mean '\($0)'?" }
        throw Problem(message: "unknown status '\(printable(name))' for \(label)\(hint ?? "") "
          + "(valid: \(ParamKind.statusNames.joined(separator: ", ")))")
      }
      if !result.contains(status) { result.append(status) }
    }
    if result.isEmpty { throw Problem(message: "\(label) needs at least one status") }
    return result
  }

  static func path(_ text: String, label: String) throws(Problem) -> String {
    if text.isEmpty { throw Problem(message: "\(label) cannot be empty") }
    if text.unicodeScalars.contains(where: { $0.value == 0 }) {
      throw Problem(message: "\(label) cannot contain a NUL character")
    }
    return text
  }

  static func integer(_ number: Int, bounds: ClosedRange<Int>, label: String) throws(Problem) -> Int {
    guard bounds.contains(number) else {
      throw Problem(message: "invalid value '\(number)' for \(label): expected \(describe(bounds))")
    }
    return number
  }

  static func duration(_ seconds: Double, maximum: Double, label: String) throws(Problem) -> Double {
    guard seconds.isFinite, seconds > 0, seconds <= maximum else {
      let shown = seconds.isFinite ? ArgumentValue.seconds(seconds).commandLineText : "\(seconds)"
      throw Problem(message: "invalid value '\(shown)' for \(label): expected seconds greater than 0 "
        + "and at most \(ArgumentValue.seconds(maximum).commandLineText)")
    }
    return seconds
  }

  static func commandName(_ name: String, table: CommandTable, frontEnd: FrontEnd) throws(Problem) -> String {
    if let command = table.command(named: name, for: frontEnd) { return command.name }
    let hint = table.nearest(to: name, for: frontEnd).map { "; did you mean '\($0)'?" } ?? ""
    let names = table.commands(for: frontEnd).map(\.name).joined(separator: ", ")
    throw Problem(message: "unknown command '\(printable(name))'\(hint) (commands: \(names))")
  }

  /// The listed spelling of a word of a fixed set, matched in any case.
  static func choice(_ word: String, from words: [String], label: String) throws(Problem) -> String {
    if let match = words.first(where: { $0 == word }) ?? words.first(where: { $0.lowercased() == word.lowercased() }) {
      return match
    }
    let hint = Suggestion.nearest(to: word, in: words).map { "; did you mean '\($0)'?" } ?? ""
    throw Problem(message: "invalid value '\(printable(word))' for \(label)\(hint) "
      + "(valid: \(words.joined(separator: ", ")))")
  }

  // MARK: - Wording

  static func describe(_ bounds: ClosedRange<Int>) -> String {
    bounds.upperBound == Int.max
      ? "a whole number of at least \(bounds.lowerBound)"
      : "a whole number from \(bounds.lowerBound) to \(bounds.upperBound)"
  }

  /// User text made safe to echo in a message: control characters escaped, long text cut.
  static func printable(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars.prefix(60) {
      if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format {
        out += "\\u{\(String(scalar.value, radix: 16))}"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return text.unicodeScalars.count > 60 ? out + "…" : out
  }
}
