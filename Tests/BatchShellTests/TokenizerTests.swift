import Testing

@testable import BatchShell

@Suite struct TokenizerTests {
  // MARK: - Words

  @Test(arguments: [
    ("", []),
    ("   ", []),
    ("get abc", ["get", "abc"]),
    ("  list \t --limit   5  ", ["list", "--limit", "5"]),
    ("get 'a b'", ["get", "a b"]),
    (#"get "a b""#, ["get", "a b"]),
    (#"'it''s'"#, ["its"]),
    (#"'a\b'"#, [#"a\b"#]),
    (#""say \"hi\"""#, [#"say "hi""#]),
    (#""back\\slash \$x \`y\` \n""#, [#"back\slash $x `y` \n"#]),
    (#"a\ b c"#, ["a b", "c"]),
    (#"\'\"\\"#, [#"'"\"#]),
    ("x'y'\"z\"w", ["xyzw"]),
    ("'' \"\"", ["", ""]),
    ("get abc # a comment 'unterminated", ["get", "abc"]),
    ("# only a comment", []),
    ("get a#b", ["get", "a#b"]),
    ("get '#x' \\#y", ["get", "#x", "#y"]),
    ("héllo wörld", ["héllo", "wörld"]),
  ] as [(String, [String])])
  func splitsWords(line: String, expected: [String]) throws {
    #expect(try Tokenizer.words(in: line) == expected)
  }

  // MARK: - Errors

  @Test(arguments: [
    (#"get "abc"#, TokenizerError(.unterminatedDoubleQuote, column: 5)),
    (#"cancel 'x"#, TokenizerError(.unterminatedSingleQuote, column: 8)),
    (#"get abc\"#, TokenizerError(.trailingBackslash, column: 8)),
    (#"get "a\"#, TokenizerError(.unterminatedDoubleQuote, column: 5)),
    (#"é "x"#, TokenizerError(.unterminatedDoubleQuote, column: 3)),
  ] as [(String, TokenizerError)])
  func reportsErrorsWithColumns(line: String, expected: TokenizerError) {
    #expect(throws: expected) { try Tokenizer.words(in: line) }
  }

  @Test func errorMessagesAreClear() {
    #expect(TokenizerError(.unterminatedDoubleQuote, column: 7).description == "unterminated double quote at column 7")
    #expect(TokenizerError(.unterminatedSingleQuote, column: 1).description == "unterminated single quote at column 1")
    #expect(TokenizerError(.trailingBackslash, column: 3).description == "trailing backslash at column 3")
  }

  // MARK: - Partial mode

  @Test(arguments: [
    ("", PartialLine(words: [], current: "", isNewWord: true)),
    ("ge", PartialLine(words: [], current: "ge", isNewWord: false)),
    ("get ", PartialLine(words: ["get"], current: "", isNewWord: true)),
    ("get ba", PartialLine(words: ["get"], current: "ba", isNewWord: false)),
    ("get 'my fi", PartialLine(words: ["get"], current: "my fi", isNewWord: false, quote: .single)),
    ("get \"a\\\"b", PartialLine(words: ["get"], current: "a\"b", isNewWord: false, quote: .double)),
    ("get \"", PartialLine(words: ["get"], current: "", isNewWord: false, quote: .double)),
    ("get my\\ f", PartialLine(words: ["get"], current: "my f", isNewWord: false)),
    ("get ab\\", PartialLine(words: ["get"], current: "ab", isNewWord: false, endsInEscape: true)),
    ("get # c", PartialLine(words: ["get"], current: "", isNewWord: false, inComment: true)),
  ] as [(String, PartialLine)])
  func tokenizesTextBeforeCursor(text: String, expected: PartialLine) {
    #expect(Tokenizer.partial(text) == expected)
  }

  // MARK: - Escaping

  @Test(arguments: ["plain", "a b", "it's", #"q"uote"#, #"back\slash"#, "#hash", "tab\there", ""])
  func escapedWordsRoundTrip(word: String) throws {
    #expect(try Tokenizer.words(in: "get " + Tokenizer.escaped(word)) == ["get", word])
  }
}
