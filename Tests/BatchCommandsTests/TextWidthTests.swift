import BatchCommands
import Testing

@Suite struct TextWidthTests {
  @Test(arguments: [("abc", 3), ("日本", 4), ("🚀x", 3), ("e\u{301}", 1), ("", 0), ("ｗｉｄｅ", 8), ("█░", 2)])
  func measuresColumns(text: String, width: Int) {
    #expect(TextWidth.of(text) == width)
  }

  @Test func printableASCIIMeasuresLikeCharacterByCharacter() {
    let samples = [
      "list --status IN_PROGRESS,COMPLETED", "~!@#$%^&*()_+{}|:\"<>?`-=[]\\;',./", "tab\tand\nnewline", "del\u{7F}",
      "\r\n", String((0x20..<0x7F).map { Character(Unicode.Scalar(UInt8($0))) }),
    ]
    for text in samples {
      #expect(TextWidth.of(text) == text.reduce(0) { $0 + TextWidth.of($1) }, "\(text.debugDescription)")
    }
  }

  @Test func truncatesWithAnEllipsisByColumns() {
    #expect(TextWidth.truncate("abcdef", to: 4) == "abc…")
    #expect(TextWidth.truncate("abcdef", to: 6) == "abcdef")
    #expect(TextWidth.truncate("日本語です", to: 5) == "日本…")
    #expect(TextWidth.truncate("abc", to: 0) == "")
  }

  @Test func padsByColumns() {
    #expect(TextWidth.pad("日本", to: 6) == "日本  ")
    #expect(TextWidth.pad("7%", to: 4, alignRight: true) == "  7%")
    #expect(TextWidth.pad("toolong", to: 3) == "toolong")
  }

  @Test func wrapsAtSpacesAndKeepsLongWordsWhole() {
    #expect(TextWidth.wrap("one two three four", width: 9) == ["one two", "three", "four"])
    #expect(TextWidth.wrap("supercalifragilistic is long", width: 8) == ["supercalifragilistic", "is long"])
    #expect(TextWidth.wrap(words: ["get ID", "[--x N]", "[--y]"], width: 14) == ["get ID [--x N]", "[--y]"])
    #expect(TextWidth.wrap("", width: 10) == [])
  }
}
