import Foundation

/// Builds mdoc source a line at a time, escaping text so `mandoc -Tlint` stays quiet.
struct Mdoc {
  private(set) var text = ""

  /// Appends a macro line such as `.Sh NAME`.
  mutating func macro(_ name: String, _ arguments: String = "") {
    text += "." + name + (arguments.isEmpty ? "" : " " + arguments) + "\n"
  }

  mutating func section(_ name: String) { macro("Sh", name) }

  /// Appends running text, one sentence per line as mdoc prefers.
  mutating func text(_ paragraph: String) {
    for sentence in Self.sentences(paragraph) {
      for line in Self.wrap(sentence, width: 78) { text += Self.escape(line) + "\n" }
    }
  }

  /// Appends a literal display (examples).
  mutating func literal(_ lines: [String]) {
    macro("Bd", "-literal -offset indent")
    for line in lines { text += Self.escape(line) + "\n" }
    macro("Ed")
  }

  /// Breaks a sentence at spaces into lines of at most `width` characters (longer words stay whole).
  static func wrap(_ sentence: String, width: Int) -> [String] {
    var lines: [String] = []
    var current = ""
    for word in sentence.split(separator: " ") {
      if !current.isEmpty, current.count + 1 + word.count > width {
        lines.append(current)
        current = ""
      }
      current += (current.isEmpty ? "" : " ") + word
    }
    if !current.isEmpty { lines.append(current) }
    return lines
  }

  // MARK: - Escaping

  /// Escapes a text line: backslashes, a leading dot or quote, and non-ASCII characters.
  static func escape(_ line: String) -> String {
    var out = ""
    for scalar in line.unicodeScalars {
      switch scalar {
      case "\\": out += "\\e"
      case "…": out += "..."
      case "—": out += "\\(em"
      case "→": out += "\\(->"
      case "×": out += "\\(mu"
      default:
        if scalar.isASCII { out.unicodeScalars.append(scalar) }
        else { out += "\\[u" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4) + "]" }
      }
    }
    if out.hasPrefix(".") || out.hasPrefix("'") { out = "\\&" + out }
    return out
  }

  /// A flag for `Fl`: without its first dash (`--status` → `-status`).
  static func flag(_ spelling: String) -> String {
    word(spelling.hasPrefix("-") ? String(spelling.dropFirst()) : spelling)
  }

  /// A macro argument: escaped, and quoted when it has spaces.
  static func word(_ text: String) -> String {
    let escaped = escape(text).replacingOccurrences(of: "\"", with: "\\(dq")
    return escaped.contains(" ") ? "\"" + escaped + "\"" : escaped
  }

  /// Splits a paragraph after each sentence-ending period followed by a space.
  static func sentences(_ paragraph: String) -> [String] {
    var result: [String] = []
    var current = ""
    var previous: Character = " "
    for character in paragraph {
      if character == " ", ".?!".contains(previous), !current.isEmpty {
        result.append(current)
        current = ""
      } else {
        current.append(character)
      }
      previous = character
    }
    if !current.isEmpty { result.append(current) }
    return result
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
