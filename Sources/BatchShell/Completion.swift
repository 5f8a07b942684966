/// The result of one completion request: what to insert at the cursor and the candidates to list.
///
/// First Tab: insert the longest common prefix of the matching candidates beyond what is typed (plus the
/// closing quote and a space when exactly one matches). When that inserts nothing, a second Tab in a row
/// lists the candidates. `CompletionListing` lays the list out in columns.
public struct Completion: Equatable, Sendable {
  // MARK: - Properties

  /// The text to insert at the cursor, already escaped for the tokenizer; empty when no progress.
  public var insertion: String
  /// The matching candidates, sorted and without duplicates.
  public var candidates: [String]

  public init(insertion: String, candidates: [String]) {
    self.insertion = insertion
    self.candidates = candidates
  }

  // MARK: - Planning

  /// Plans the completion of `context` from the provider's `candidates`.
  ///
  /// Candidates that do not start with the typed word, or that hold control characters, are dropped.
  public init(context: CompletionContext, candidates: [String]) {
    let line = context.line
    guard !line.inComment, !line.endsInEscape else {
      self.init(insertion: "", candidates: [])
      return
    }
    let typed = line.current
    var matches: [String]
    if let ascending = Self.printableASCIIOrder(candidates, startingWith: typed) {
      // Job ids: all match and need no filtering, and bytes compare as the strings do.
      matches = ascending ? candidates : Set(candidates).sorted()
    } else {
      matches = candidates.filter { $0.hasPrefix(typed) && !Self.hasControl($0) }
      // Sort and deduplicate only what is not sorted and unique already.
      if !zip(matches, matches.dropFirst()).allSatisfy({ $0 < $1 }) { matches = Set(matches).sorted() }
    }
    guard let first = matches.first, let last = matches.last else {
      self.init(insertion: "", candidates: [])
      return
    }
    // In sorted ASCII text, what the first and the last share every match shares.
    let common = Self.isPrintableASCII(first) && Self.isPrintableASCII(last)
      ? Self.commonPrefix(first, last) : matches.dropFirst().reduce(first) { Self.commonPrefix($0, $1) }
    let suffix = String(common.dropFirst(typed.count))
    var insertion = Self.quoted(suffix, inside: line.quote, atWordStart: typed.isEmpty && line.isNewWord)
    if matches.count == 1 {
      switch line.quote {
      case .single: insertion += "'"
      case .double: insertion += "\""
      case nil: break
      }
      if !(context.textAfterCursor.first.map(Tokenizer.isSeparator) ?? false) { insertion += " " }
    }
    self.init(insertion: insertion, candidates: matches)
  }

  // MARK: - Helpers

  /// The longest common prefix of two strings, by characters.
  static func commonPrefix(_ a: String, _ b: String) -> String {
    if a.hasPrefix(b) { return b }
    if b.hasPrefix(a) { return a }
    if isPrintableASCII(a), isPrintableASCII(b) {
      // One column a byte: compare bytes (completing among ten thousand job ids folds this ten thousand times).
      let length = zip(a.utf8, b.utf8).prefix { $0 == $1 }.count
      return String(a.utf8.prefix(length))!
    }
    return String(zip(a, b).prefix { $0 == $1 }.map(\.0))
  }

  /// Escapes `text` for insertion inside the given open quote (or none).
  static func quoted(_ text: String, inside quote: PartialLine.Quote?, atWordStart: Bool) -> String {
    var result = ""
    for character in text {
      switch quote {
      case nil:
        let special = Tokenizer.isSeparator(character) || "'\"\\".contains(character)
        if special || (result.isEmpty && atWordStart && character == "#") { result.append("\\") }
      case .double:
        if character == "\"" || character == "\\" { result.append("\\") }
      case .single:
        if character == "'" {
          result += "'\\''"  // close, escaped quote, reopen
          continue
        }
      }
      result.append(character)
    }
    return result
  }

  /// Whether the text holds a control character (which completion never inserts).
  static func hasControl(_ text: String) -> Bool {
    if isPrintableASCII(text) { return false }
    return text.contains { character in character.unicodeScalars.contains { $0.properties.generalCategory == .control } }
  }

  /// Whether every byte is printable ASCII: no control characters, one character a byte. Every job id is.
  static func isPrintableASCII(_ text: String) -> Bool {
    text.utf8.allSatisfy(isPrintableASCII)
  }

  /// When `typed` and every candidate are printable ASCII and every candidate starts with `typed`: whether the
  /// candidates are in strictly ascending order (for ASCII, byte order is the strings' order). Otherwise nil.
  ///
  /// One pass that reads each string in place: with ten thousand job ids a Tab is bound by memory, and copying
  /// the strings (a reference-count write to each) in three passes took 8 ms.
  static func printableASCIIOrder(_ candidates: [String], startingWith typed: String) -> Bool? {
    let prefix = Array(typed.utf8)
    guard prefix.allSatisfy(isPrintableASCII) else { return nil }
    var ascending = true
    for index in candidates.indices {
      let verdict = candidates[index].utf8.withContiguousStorageIfAvailable { bytes -> Bool in
        guard bytes.starts(with: prefix), bytes.allSatisfy(isPrintableASCII) else { return false }
        if ascending, index > candidates.startIndex {
          ascending = candidates[index - 1].utf8.withContiguousStorageIfAvailable {
            $0.lexicographicallyPrecedes(bytes)
          } ?? false
        }
        return true
      }
      guard verdict == true else { return nil }
    }
    return ascending
  }

  private static func isPrintableASCII(_ byte: UInt8) -> Bool { byte >= 0x20 && byte < 0x7F }
}
