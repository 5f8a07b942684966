/// Lays completion candidates out in columns, sorted down then across, like `ls`.
public enum CompletionListing {
  // MARK: - Layout

  /// Returns the candidates in columns fitting `width`, each row ending with a newline.
  ///
  /// At most `limit` candidates are shown; a last line tells how many more there are.
  public static func format(_ candidates: [String], width: Int, limit: Int = 500) -> String {
    let shown = Array(candidates.prefix(limit))
    guard !shown.isEmpty else { return "" }
    let widths = shown.map(TerminalText.width)
    let columnWidth = (widths.max() ?? 0) + 2
    let columns = max(1, min(shown.count, (max(width, 1) + 2) / columnWidth))
    let rows = (shown.count + columns - 1) / columns
    var output = ""
    for row in 0..<rows {
      var line = ""
      for column in 0..<columns {
        let index = column * rows + row
        guard index < shown.count else { break }
        let isLast = column == columns - 1 || index + rows >= shown.count
        line += shown[index]
        if !isLast { line += String(repeating: " ", count: columnWidth - widths[index]) }
      }
      output += line + "\n"
    }
    if candidates.count > shown.count { output += "… \(candidates.count - shown.count) more\n" }
    return output
  }
}
