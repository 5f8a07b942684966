import BatchCommands
/// Measures text as a terminal displays it.
enum TerminalText {
  // MARK: - Width

  /// The number of columns `text` takes: escape sequences and `\u{1}`-delimited prompt spans count for
  /// nothing, wide (East Asian) characters for two, combining marks for none.
  static func width(_ text: String) -> Int {
    var visible = String.UnicodeScalarView()
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
      visible.append(scalar)
    }
    // Column widths of what remains are the renderers' rules, so prompt and tables agree.
    return TextWidth.of(String(visible))
  }
}
