/// Splits a command line into words like a POSIX shell, without any expansion.
///
/// - Words are separated by unquoted spaces, tabs and line breaks.
/// - `'…'` is literal; `"…"` is literal except that `\"`, `\\`, `\$` and `` \` `` drop the backslash.
/// - Outside quotes a backslash makes the next character literal.
/// - An unquoted `#` at the start of a word begins a comment: the rest of the line is ignored.
public enum Tokenizer {
  // MARK: - Complete lines

  /// Returns the words of `line`, or throws for an unterminated quote or a trailing backslash.
  public static func words(in line: String) throws(TokenizerError) -> [String] {
    let scan = Scan(line)
    switch scan.quote {
    case .single: throw TokenizerError(.unterminatedSingleQuote, column: scan.quoteColumn)
    case .double: throw TokenizerError(.unterminatedDoubleQuote, column: scan.quoteColumn)
    case nil: break
    }
    if scan.escapeColumn > 0 { throw TokenizerError(.trailingBackslash, column: scan.escapeColumn) }
    return scan.inWord ? scan.words + [scan.current] : scan.words
  }

  // MARK: - Text before the cursor

  /// Tokenizes the text before the cursor for completion, tolerating an open quote or backslash.
  public static func partial(_ textBeforeCursor: String) -> PartialLine {
    let scan = Scan(textBeforeCursor)
    return PartialLine(
      words: scan.words, current: scan.current, isNewWord: !scan.inWord && !scan.inComment,
      quote: scan.quote, endsInEscape: scan.escapeColumn > 0, inComment: scan.inComment)
  }

  // MARK: - Quoting

  /// Returns `word` escaped with backslashes so that `words(in:)` gives it back as one word.
  public static func escaped(_ word: String) -> String {
    if word.isEmpty { return "''" }
    var result = ""
    for (offset, character) in word.enumerated() {
      if isSeparator(character) || "'\"\\".contains(character) || (offset == 0 && character == "#") {
        result.append("\\")
      }
      result.append(character)
    }
    return result
  }

  static func isSeparator(_ character: Character) -> Bool {
    character == " " || character == "\t" || character.isNewline
  }
}

// MARK: - Scanner

/// One left-to-right pass over a line; the state at the end tells what was left open.
private struct Scan {
  var words: [String] = []
  var current = ""
  var inWord = false
  var inComment = false
  var quote: PartialLine.Quote?
  var quoteColumn = 0
  /// The column of a backslash still waiting for its character, or 0.
  var escapeColumn = 0

  init(_ line: String) {
    for (offset, character) in line.enumerated() {
      step(character, column: offset + 1)
      if inComment { break }
    }
  }

  private mutating func step(_ character: Character, column: Int) {
    if escapeColumn > 0 {
      escapeColumn = 0
      if character.isNewline { return }  // a backslash-newline joins lines
      if quote == .double && !"\"\\$`".contains(character) { current.append("\\") }
      current.append(character)
      return
    }
    switch quote {
    case .single:
      if character == "'" { quote = nil } else { current.append(character) }
    case .double:
      if character == "\"" {
        quote = nil
      } else if character == "\\" {
        escapeColumn = column
      } else {
        current.append(character)
      }
    case nil:
      unquoted(character, column: column)
    }
  }

  private mutating func unquoted(_ character: Character, column: Int) {
    if Tokenizer.isSeparator(character) {
      if inWord { words.append(current) }
      current = ""
      inWord = false
      return
    }
    if character == "#" && !inWord {
      inComment = true
      return
    }
    inWord = true
    switch character {
    case "'": (quote, quoteColumn) = (.single, column)
    case "\"": (quote, quoteColumn) = (.double, column)
    case "\\": escapeColumn = column
    default: current.append(character)
    }
  }
}
