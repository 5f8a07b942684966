import BatchCommands
import Testing

@Suite struct TerminalSanitizerTests {
  @Test(arguments: [
    ("plain text", "plain text"),
    ("café ✓ 日本語 🚀", "café ✓ 日本語 🚀"),
    ("\u{1B}[31mred\u{1B}[0m", "red"),
    ("\u{1B}[?1049h\u{1B}[2J\u{1B}[Hclear", "clear"),
    ("\u{1B}]0;title\u{07}after", "after"),
    ("\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\", "link"),
    ("\u{1B}Pdevice\u{1B}\\ok", "ok"),
    ("\u{1B}(Bcharset", "charset"),
    ("\u{1B}cRIS", "RIS"),
    ("\u{9B}31mC1 CSI", "C1 CSI"),
    ("\u{9D}0;osc\u{9C}C1 OSC", "C1 OSC"),
    ("bell\u{07}null\u{0}del\u{7F}", "bellnulldel"),
    ("tab\there", "tab here"),
    ("two\nlines\r\nend\rx", "two lines end x"),
    ("rtl \u{202E}evil\u{202C} \u{2066}iso\u{2069}", "rtl evil iso"),
    ("trailing escape \u{1B}", "trailing escape "),
    ("unterminated \u{1B}]0;title", "unterminated "),
    ("bad csi \u{1B}[12\u{1}x", "bad csi x"),
  ])
  func stripsEscapesAndControls(input: String, expected: String) {
    #expect(TerminalSanitizer.sanitize(input) == expected)
  }

  @Test func keepsEveryPrintableASCIICharacter() {
    let printable = String(decoding: (0x20...0x7E).map { UInt8($0) }, as: UTF8.self)
    #expect(TerminalSanitizer.sanitize(printable) == printable)
    #expect(TerminalSanitizer.sanitize(printable + "\u{7F}") == printable)
  }

  @Test func keepsNewlinesWhenAsked() {
    #expect(TerminalSanitizer.sanitize("a\nb\r\nc\rd\u{1B}[1m", keepNewlines: true) == "a\nb\nc\nd")
  }

  @Test func leavesZeroWidthJoinerEmojiAlone() {
    let family = "👨‍👩‍👧"
    #expect(TerminalSanitizer.sanitize(family) == family)
  }
}
