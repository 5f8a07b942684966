import Testing

@testable import BatchShell

@Suite struct CompletionTests {
  private func complete(_ before: String, after: String = "", _ candidates: [String]) -> Completion {
    Completion(context: CompletionContext(textBeforeCursor: before, textAfterCursor: after), candidates: candidates)
  }

  // MARK: - Common prefix

  @Test func insertsLongestCommonPrefix() {
    let completion = complete("get ba", ["batch-aaa1", "batch-aaa2", "other"])
    #expect(completion.insertion == "tch-aaa")
    #expect(completion.candidates == ["batch-aaa1", "batch-aaa2"])
  }

  @Test func singleCandidateGetsATrailingSpace() {
    #expect(complete("ge", ["get", "list"]).insertion == "t ")
    #expect(complete("get", ["get"]).insertion == " ")
  }

  @Test func noSpaceWhenOneAlreadyFollows() {
    #expect(complete("ge", after: " abc", ["get"]).insertion == "t")
  }

  @Test func ambiguousWithoutProgressInsertsNothing() {
    let completion = complete("get batch-aaa", ["batch-aaa1", "batch-aaa2"])
    #expect(completion.insertion == "")
    #expect(completion.candidates.count == 2)
  }

  @Test func noMatchGivesNothing() {
    #expect(complete("get zz", ["batch-1"]) == Completion(insertion: "", candidates: []))
  }

  @Test func candidatesAreSortedAndUnique() {
    #expect(complete("", ["list", "get", "list", "cancel"]).candidates == ["cancel", "get", "list"])
    // All matching ASCII (the job-id path) and mixed ones (filtered) give the same order.
    #expect(complete("get b", ["batch-2", "batch-1", "batch-1"]).candidates == ["batch-1", "batch-2"])
    #expect(complete("get b", ["batch-2", "other", "batch-1", "b\u{1B}"]).candidates == ["batch-1", "batch-2"])
    #expect(complete("get ", ["b", "B", "a-1", "a"]).candidates == ["B", "a", "a-1", "b"])
    #expect(complete("get é", ["é2", "é1"]).candidates == ["é1", "é2"])
  }

  @Test func dropsCandidatesWithControlCharacters() {
    #expect(complete("", ["ok", "bad\u{1B}[31m", "del\u{7F}", "c1\u{85}", "tab\t"]).candidates == ["ok"])
    #expect(complete("", ["ünïcödé", "日本"]).candidates == ["ünïcödé", "日本"])
  }

  @Test func commonPrefixIsByCharacters() {
    #expect(Completion.commonPrefix("batch-abc", "batch-abd") == "batch-ab")
    #expect(Completion.commonPrefix("batch", "batch-1") == "batch")
    #expect(Completion.commonPrefix("e\u{301}x", "e\u{302}x") == "", "a shared scalar is not a shared character")
    #expect(Completion.commonPrefix("日本語", "日本人") == "日本")
  }

  // MARK: - Quoting

  @Test func escapesInsertedText() {
    #expect(complete("get my", ["my file"]).insertion == "\\ file ")
    #expect(complete("get ", ["#tag"]).insertion == "\\#tag ")
  }

  @Test func closesOpenQuotes() {
    #expect(complete("get 'my", ["my file"]).insertion == " file' ")
    #expect(complete("get \"my", ["my \"x\""]).insertion == " \\\"x\\\"\" ")
    #expect(complete("get 'it", ["it's"]).insertion == "'\\''s' ")
  }

  @Test func nothingInCommentsOrAfterABackslash() {
    #expect(complete("get # ba", ["batch"]).candidates.isEmpty)
    #expect(complete("get ba\\", ["batch"]).candidates.isEmpty)
  }

  @Test func contextExposesWords() {
    let context = CompletionContext(textBeforeCursor: "watch --interval 5 ba")
    #expect(context.words == ["watch", "--interval", "5"])
    #expect(context.currentWord == "ba")
    #expect(context.line.wordIndex == 3)
  }

  // MARK: - Listing

  @Test func listsInColumnsDownThenAcross() {
    let listing = CompletionListing.format(["a1", "a2", "a3", "a4", "a5"], width: 12)
    #expect(listing == "a1  a3  a5\na2  a4\n")
  }

  @Test func listsOnePerLineWhenNarrow() {
    #expect(CompletionListing.format(["long-one", "long-two"], width: 5) == "long-one\nlong-two\n")
  }

  @Test func listingIsCapped() {
    let listing = CompletionListing.format((1...10).map { "c\($0)" }, width: 80, limit: 4)
    #expect(listing.hasSuffix("… 6 more\n"))
  }

  @Test func terminalWidthIgnoresEscapes() {
    #expect(TerminalText.width("\u{1B}[1mbatchsh\u{1B}[0m> ") == 9)
    #expect(TerminalText.width("\u{1}\u{1B}[31m\u{1}x") == 1)
    #expect(TerminalText.width("日本") == 4)
    #expect(TerminalText.width("e\u{301}") == 1)
  }
}
