/// Makes server text safe for a terminal: strips control characters and ANSI/OSC escape sequences (SPEC §8).
///
/// Printable Unicode is kept. Bidirectional overrides and isolates are removed too, so a job name cannot reorder
/// what is shown around it. Tabs become spaces; line breaks become spaces unless `keepNewlines`.
public enum TerminalSanitizer {
  /// The text without escape sequences and control characters.
  public static func sanitize(_ text: String, keepNewlines: Bool = false) -> String {
    // Printable ASCII, most server text, needs no Unicode property lookups: it is kept as it is.
    guard text.utf8.contains(where: { $0 < 0x20 || $0 > 0x7E }) else { return text }
    guard text.unicodeScalars.contains(where: isStripped) else { return text }
    let scalars = Array(text.unicodeScalars)
    var out = String.UnicodeScalarView()
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      index += 1
      switch scalar.value {
      case 0x1B:
        index = skipEscape(scalars, from: index)
      case 0x9B:
        index = skipCSI(scalars, from: index)
      case 0x90, 0x98, 0x9D, 0x9E, 0x9F:
        index = skipString(scalars, from: index)
      case 0x0A where keepNewlines:
        out.append(scalar)
      case 0x09, 0x0A, 0x0B, 0x0C:
        out.append(" ")
      case 0x0D:
        if !(index < scalars.count && scalars[index].value == 0x0A) { out.append(keepNewlines ? "\n" : " ") }
      default:
        if !isStripped(scalar) { out.append(scalar) }
      }
    }
    return String(out)
  }

  // MARK: - Classification

  private static func isStripped(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.generalCategory == .control || isBidiControl(scalar)
  }

  private static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
  }

  // MARK: - Escape sequences

  /// Skips what follows an ESC: a CSI, an OSC/DCS/SOS/PM/APC string, or intermediates and one final character.
  private static func skipEscape(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
    guard start < scalars.count else { return start }
    switch scalars[start] {
    case "[": return skipCSI(scalars, from: start + 1)
    case "]", "P", "X", "^", "_": return skipString(scalars, from: start + 1)
    default:
      var index = start
      while index < scalars.count, (0x20...0x2F).contains(scalars[index].value) { index += 1 }
      if index < scalars.count, (0x30...0x7E).contains(scalars[index].value) { index += 1 }
      return index
    }
  }

  /// Skips CSI parameters and intermediates up to and including the final byte.
  private static func skipCSI(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
    var index = start
    while index < scalars.count {
      let value = scalars[index].value
      index += 1
      if (0x40...0x7E).contains(value) { return index }
      if !(0x20...0x3F).contains(value) { return index - 1 }
    }
    return index
  }

  /// Skips a control string up to its terminator: BEL, ESC \ or ST.
  private static func skipString(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
    var index = start
    while index < scalars.count {
      let value = scalars[index].value
      index += 1
      if value == 0x07 || value == 0x9C { return index }
      if value == 0x1B {
        if index < scalars.count, scalars[index] == "\\" { return index + 1 }
        return index - 1
      }
    }
    return index
  }
}
