/// The text before the cursor, split into words for completion.
public struct PartialLine: Equatable, Sendable {
  // MARK: - Types

  /// An open quote the cursor is inside of.
  public enum Quote: Equatable, Sendable {
    case single
    case double
  }

  // MARK: - Properties

  /// The complete words before the word under the cursor (unquoted and unescaped).
  public var words: [String]
  /// The word under the cursor as far as typed (unquoted and unescaped); empty in a new word.
  public var current: String
  /// True when the cursor starts a new, still empty word (at the start or after a separator).
  public var isNewWord: Bool
  /// The quote left open before the cursor, if any.
  public var quote: Quote?
  /// True when the text ends with a backslash still waiting for its character.
  public var endsInEscape: Bool
  /// True when the cursor is inside a comment (nothing to complete).
  public var inComment: Bool

  public init(
    words: [String], current: String, isNewWord: Bool, quote: Quote? = nil, endsInEscape: Bool = false,
    inComment: Bool = false
  ) {
    self.words = words
    self.current = current
    self.isNewWord = isNewWord
    self.quote = quote
    self.endsInEscape = endsInEscape
    self.inComment = inComment
  }

  // MARK: - Derived

  /// The index of the word under the cursor among all words (0 for the command name).
  public var wordIndex: Int { words.count }
}
