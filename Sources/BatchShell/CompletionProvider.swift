/// Supplies the candidate words for the word under the cursor; it must be fast and never block.
///
/// The editor filters the candidates by the typed prefix, inserts their longest common prefix and lists
/// them on a second Tab in a row: providers only say which words are possible here.
public protocol CompletionProvider {
  /// Returns the possible words at the cursor (candidates not starting with the typed word are ignored).
  func candidates(for context: CompletionContext) -> [String]
}

/// What a completion provider sees: the line around the cursor, already split into words.
public struct CompletionContext: Equatable, Sendable {
  // MARK: - Properties

  /// The text of the line before the cursor.
  public var textBeforeCursor: String
  /// The text of the line after the cursor.
  public var textAfterCursor: String
  /// The text before the cursor, tokenized.
  public var line: PartialLine

  public init(textBeforeCursor: String, textAfterCursor: String = "") {
    self.textBeforeCursor = textBeforeCursor
    self.textAfterCursor = textAfterCursor
    self.line = Tokenizer.partial(textBeforeCursor)
  }

  // MARK: - Shortcuts

  /// The complete words before the word under the cursor (the command name first).
  public var words: [String] { line.words }
  /// The word under the cursor as far as typed.
  public var currentWord: String { line.current }
}

/// A completion provider made from a closure.
public struct ClosureCompletionProvider: CompletionProvider {
  private let body: (CompletionContext) -> [String]

  public init(_ body: @escaping (CompletionContext) -> [String]) {
    self.body = body
  }

  public func candidates(for context: CompletionContext) -> [String] {
    body(context)
  }
}
