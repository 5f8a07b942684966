/// Measures text as a terminal displays it.
enum TerminalText {
  // MARK: - Width

  /// The number of columns `text` takes: escape sequences and `\u{1}`-delimited prompt spans count for
  /// nothing, wide (East Asian) characters for two, combining marks for none.
  static func width(_ text: String) -> Int {
    var total = 0
    var inPromptEscape = false
    var inCSI = false
    var afterEscape = false
    for scalar in text.unicodeScalars {
      if scalar == "\u{1}" {
        inPromptEscape.toggle()
        continue
      }
      if inPromptEscape { continue }
      if afterEscape {
        afterEscape = false
        inCSI = scalar == "["
        continue
      }
      if inCSI {
        if (0x40...0x7E).contains(scalar.value) { inCSI = false }
        continue
      }
      if scalar == "\u{1B}" {
        afterEscape = true
        continue
      }
      total += columns(of: scalar)
    }
    return total
  }

  // MARK: - One scalar

  private static func columns(of scalar: Unicode.Scalar) -> Int {
    let properties = scalar.properties
    switch properties.generalCategory {
    case .control, .format, .nonspacingMark, .enclosingMark: return 0
    default: break
    }
    return isWide(scalar.value) ? 2 : 1
  }

  /// East Asian wide and fullwidth ranges, plus emoji (an approximation of `wcwidth`).
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
}
