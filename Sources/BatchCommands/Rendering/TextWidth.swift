/// Measures, pads, cuts and wraps text by terminal columns: wide East Asian characters and emoji take two.
public enum TextWidth {
  /// The columns a string takes on a terminal (text without escape sequences).
  public static func of(_ text: String) -> Int {
    // Printable ASCII, by far the most common text, is one column a byte: no Unicode property lookups.
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
    return text.reduce(0) { $0 + of($1) }
  }

  /// The columns one character takes: 0 for marks and controls, 2 for wide characters and emoji, else 1.
  public static func of(_ character: Character) -> Int {
    guard let first = character.unicodeScalars.first else { return 0 }
    switch first.properties.generalCategory {
    case .control, .format, .nonspacingMark, .enclosingMark: return character.unicodeScalars.count == 1 ? 0 : 1
    default: break
    }
    if first.properties.isEmojiPresentation || character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) {
      return 2
    }
    return isWide(first.value) ? 2 : 1
  }

  private static func isWide(_ value: UInt32) -> Bool {
    switch value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
      0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
      0x1F900...0x1F9FF, 0x20000...0x3FFFD:
      return true
    default:
      return false
    }
  }

  // MARK: - Layout

  /// The text cut to at most `width` columns, ending in `…` when cut.
  public static func truncate(_ text: String, to width: Int) -> String {
    guard of(text) > width else { return text }
    guard width > 0 else { return "" }
    var out = ""
    var used = 0
    for character in text {
      let columns = of(character)
      if used + columns > width - 1 { break }
      out.append(character)
      used += columns
    }
    return out + "…"
  }

  /// The text padded with spaces to `width` columns (on the right, or on the left for `alignRight`).
  public static func pad(_ text: String, to width: Int, alignRight: Bool = false) -> String {
    let padding = String(repeating: " ", count: max(0, width - of(text)))
    return alignRight ? padding + text : text + padding
  }

  /// Text wrapped at spaces into lines of at most `width` columns (a longer word gets a line of its own).
  public static func wrap(_ text: String, width: Int) -> [String] {
    wrap(words: text.split(separator: " ", omittingEmptySubsequences: true).map(String.init), width: width)
  }

  /// Words (which may hold spaces, such as `[--limit N]`) joined by spaces into lines of at most `width` columns.
  public static func wrap(words: [String], width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for word in words {
      let candidate = line.isEmpty ? word : line + " " + word
      if of(candidate) > width, !line.isEmpty {
        lines.append(line)
        line = word
      } else {
        line = candidate
      }
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }
}
