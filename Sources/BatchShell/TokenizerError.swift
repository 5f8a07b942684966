/// Why a command line could not be split into words.
public struct TokenizerError: Error, Equatable, Sendable, CustomStringConvertible {
  // MARK: - Kinds

  /// The defect found.
  public enum Kind: Equatable, Sendable {
    /// A `'` with no closing `'`.
    case unterminatedSingleQuote
    /// A `"` with no closing `"`.
    case unterminatedDoubleQuote
    /// A `\` as the last character of the line.
    case trailingBackslash
  }

  // MARK: - Properties

  /// The defect found.
  public var kind: Kind
  /// The 1-based column (in characters) of the opening quote or of the backslash.
  public var column: Int

  public init(_ kind: Kind, column: Int) {
    self.kind = kind
    self.column = column
  }

  // MARK: - Message

  /// A message such as `unterminated double quote at column 7`.
  public var description: String {
    switch kind {
    case .unterminatedSingleQuote: "unterminated single quote at column \(column)"
    case .unterminatedDoubleQuote: "unterminated double quote at column \(column)"
    case .trailingBackslash: "trailing backslash at column \(column)"
    }
  }
}
