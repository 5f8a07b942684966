import Foundation
import Testing

@testable import BatchCore

/// `JSONScanner`'s strings (read eight bytes at a time), member names as bytes, and integers read without a `String`.
@Suite struct JSONScannerTests {
  /// Scans `text` with `body`, which must read the whole text.
  static func scan<T>(_ text: [UInt8], _ body: (inout JSONScanner) throws(JSONScanner.Failure) -> T)
    throws(JSONScanner.Failure) -> T
  {
    try text.withUnsafeBufferPointer { buffer throws(JSONScanner.Failure) in
      var scanner = JSONScanner(buffer)
      let value = try body(&scanner)
      try scanner.expectEnd()
      return value
    }
  }

  static let letters = "abcdefghijklmnopqrstuvwxyzABC"

  static func string(_ text: [UInt8]) throws(JSONScanner.Failure) -> String {
    try scan(text) { scanner throws(JSONScanner.Failure) in try scanner.string() }
  }

  /// A 29-byte run of ASCII in quotes with `special` put at each offset in turn, so that it falls at every place of
  /// an 8-byte word (read from the byte after the opening quote) and in the five bytes after the last whole word.
  static func everyOffset(_ special: [UInt8]) -> [(offset: Int, text: [UInt8])] {
    (0..<29).map { offset in
      var body = Array(letters.utf8)
      body.replaceSubrange(offset..<offset + 1, with: special)
      return (offset, [UInt8(ascii: "\"")] + body + [UInt8(ascii: "\"")])
    }
  }

  @Test("a quote, a backslash escape or a non-ASCII letter is found at any offset in the word", arguments: [
    (Array(#"\""#.utf8), "\""), (Array(#"\\"#.utf8), "\\"), (Array(#"\n"#.utf8), "\n"), (Array("é".utf8), "é"),
    (Array(#"\u00e9"#.utf8), "é"), (Array("😀".utf8), "😀"), (Array("\u{7F}".utf8), "\u{7F}"),
    (Array(" ".utf8), " "), (Array("~".utf8), "~"),
  ])
  func specialByteAtEveryOffset(special: [UInt8], decoded: String) throws {
    for (offset, text) in Self.everyOffset(special) {
      var expected = Array(Self.letters)
      expected[offset] = Character(decoded)
      #expect(try Self.string(text) == String(expected), "at offset \(offset)")
      #expect(try Self.string(text) == (try JSONDecoder().decode(String.self, from: Data(text))), "at offset \(offset)")
    }
  }

  @Test("a control character is refused at any offset, naming its byte", arguments: [0x00, 0x09, 0x0A, 0x1F])
  func controlCharacterAtEveryOffset(byte: UInt8) {
    for (offset, text) in Self.everyOffset([byte]) {
      #expect(throws: JSONScanner.Failure(message: "unescaped control character byte 0x\(String(byte, radix: 16)) "
        + "in a string at byte \(offset + 2)")) { try Self.string(text) }
    }
  }

  @Test("invalid UTF-8 is refused at any offset; an unterminated string says where it began")
  func invalidAndUnterminated() {
    for (_, text) in Self.everyOffset([0xFF]) {
      #expect(throws: JSONScanner.Failure(message: "invalid UTF-8 in the string at byte 1")) { try Self.string(text) }
    }
    for length in 0..<20 {
      let text = Array("  \"".utf8) + Array(repeating: UInt8(ascii: "a"), count: length)
      #expect(throws: JSONScanner.Failure(message: "unterminated string at byte 3")) {
        try Self.scan(text) { scanner throws(JSONScanner.Failure) in
          scanner.skipWhitespace()
          return try scanner.string()
        }
      }
    }
  }

  @Test("the scan stops at the closing quote, wherever the bytes after it are")
  func stopsAtClosingQuote() throws {
    for length in 0..<20 {
      let word = String(repeating: "b", count: length)
      let text = Array("[\"\(word)\",\"x\\\"y\"]".utf8)
      let strings = try Self.scan(text) { scanner throws(JSONScanner.Failure) in
        var strings: [String] = []
        try scanner.elements { scanner throws(JSONScanner.Failure) in strings.append(try scanner.string()) }
        return strings
      }
      #expect(strings == [word, "x\"y"])
    }
  }

  @Test("member names come as their bytes, escapes decoded; a bad name fails before its colon is looked for")
  func rawMemberNames() throws {
    let text = Array(#"{"id":1,"st\u0061tus":2,"é":3,"a\"b":4,"":5}"#.utf8)
    let names = try Self.scan(text) { scanner throws(JSONScanner.Failure) in
      var names: [String] = []
      try scanner.rawMembers { name, scanner throws(JSONScanner.Failure) in
        names.append(String(decoding: name, as: UTF8.self))
        try scanner.skipValue()
      }
      return names
    }
    #expect(names == ["id", "status", "é", "a\"b", ""])
    let invalid = Array(#"{""#.utf8) + [0xC3, 0x28] + Array(#"" 1}"#.utf8)
    #expect(throws: JSONScanner.Failure(message: "invalid UTF-8 in the string at byte 2")) {
      try Self.scan(invalid) { scanner throws(JSONScanner.Failure) in
        try scanner.rawMembers { _, scanner throws(JSONScanner.Failure) in try scanner.skipValue() }
      }
    }
  }

  @Test("integers of up to 18 digits and longer ones read the same as through a String", arguments: [
    "0", "-0", "7", "-7", "999999999999999999", "-999999999999999999", "1000000000000000000", "9223372036854775807",
    "-9223372036854775808", "9223372036854775808", "123456789012345678901234",
  ])
  func integers(text: String) throws {
    let number = try Self.scan(Array(text.utf8)) { scanner throws(JSONScanner.Failure) in try scanner.number() }
    if let integer = Int64(text) {
      #expect(number == .integer(integer))
    } else {
      #expect(number == .double(Double(text)!))
    }
  }
}
