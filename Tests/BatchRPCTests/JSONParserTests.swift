@testable import BatchRPC
import BatchCommands
import Foundation
import Testing

/// The line parser: values, numeric id text, strings, and every way a line can be malformed.
struct JSONParserTests {
  @Test func parsesEveryKindOfValue() throws {
    let value = try JSONParser.parseValue(
      #" {"a": [1, -2.5, 3e2, true, false, null], "b": {"c": "d"}, "e": "", "f": -0, "g": 1E-2} "#)
    #expect(value["a"] == [1, -2.5, 300.0, true, false, nil])
    #expect(value["b"]?["c"] == "d")
    #expect(value["e"] == "")
    #expect(value["f"] == 0)
    #expect(value["g"] == 0.01)
  }

  @Test func integersTooLargeForSixtyFourBitsBecomeDoubles() throws {
    #expect(try JSONParser.parseValue("9223372036854775807") == .integer(.max))
    #expect(try JSONParser.parseValue("9223372036854775808") == .number(9_223_372_036_854_775_808))
  }

  @Test func keepsTheTextOfNumericMessageIDs() throws {
    guard case .batch(let messages) = try JSONParser.parseLine(Array(#"[{"id":1.50},{"id":1e3},{"id":"7"},{"x":{"id":2}}]"#.utf8))
    else { Issue.record("not a batch"); return }
    #expect(messages.map(\.idText) == ["1.50", "1e3", nil, nil])
  }

  @Test func decodesEscapesAndSurrogatePairs() throws {
    #expect(try JSONParser.parseValue(#""a\"b\\c\/d\n\t\r\b\f""#) == "a\"b\\c/d\n\t\r\u{8}\u{C}")
    #expect(try JSONParser.parseValue(#""\u00e9\u2713\ud83d\ude00""#) == "é✓😀")
    #expect(try JSONParser.parseValue(#""\ud83d x""#) == "\u{FFFD} x")
    #expect(try JSONParser.parseValue(#""raw é ✓""#) == "raw é ✓")
  }

  @Test(arguments: [
    "", "{", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "tru", "nul", "01", "1.", "-", "1e", ".5", "+1",
    "\"abc", "\"a\\x\"", "\"\\u12G4\"", "\"tab\there\"", "[1] [2]", "{} x", "'single'", "NaN", "Infinity",
  ])
  func rejectsMalformedJSON(text: String) {
    #expect(throws: JSONParser.Failure.self) { try JSONParser.parseLine(Array(text.utf8)) }
  }

  @Test func rejectsInvalidUTF8InStringsAndBytesOutsideThem() {
    let inString = Array(#"{"a":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
    #expect(throws: JSONParser.Failure(message: "invalid UTF-8 in the string at byte 6")) {
      try JSONParser.parseLine(inString)
    }
    #expect(throws: JSONParser.Failure.self) { try JSONParser.parseLine([0xFF]) }
    #expect(throws: JSONParser.Failure.self) { try JSONParser.parseLine([0xEF, 0xBB, 0xBF] + Array("{}".utf8)) }
  }

  @Test func stopsAtTheDepthLimitInsteadOfOverflowingTheStack() throws {
    let deep = String(repeating: "[", count: 100_000)
    #expect(throws: JSONParser.Failure.self) { try JSONParser.parseLine(Array(deep.utf8)) }
    let fine = String(repeating: "[", count: JSONParser.maxDepth) + String(repeating: "]", count: JSONParser.maxDepth)
    #expect(throws: Never.self) { try JSONParser.parseLine(Array(fine.utf8)) }
    let over = "[" + fine + "]"
    #expect(throws: JSONParser.Failure(message: "nested deeper than 64 levels at byte 65")) {
      try JSONParser.parseLine(Array(over.utf8))
    }
  }

  @Test func failuresSayWhere() {
    #expect(throws: JSONParser.Failure(message: "expected ',' or '}', found 'x' at byte 7")) {
      try JSONParser.parseLine(Array(#"{"a":1x}"#.utf8))
    }
  }

  @Test func agreesWithFoundationOnWhatItWrites() throws {
    var random = SeededRandom(seed: 42)
    for _ in 0..<300 {
      let text = JSONWriter.bytes(Self.randomValue(depth: 0, using: &random))
      let foundation = try JSONDecoder().decode(JSONValue.self, from: Data(text))
      #expect(try JSONParser.parseValue(String(decoding: text, as: UTF8.self)) == foundation)
    }
  }

  static func randomValue(depth: Int, using random: inout SeededRandom) -> JSONValue {
    switch Int.random(in: depth > 3 ? 0...4 : 0...6, using: &random) {
    case 0: return .null
    case 1: return .bool(Bool.random(using: &random))
    case 2: return .integer(Int64.random(in: -1_000_000...1_000_000, using: &random))
    case 3: return .number(Double(Int.random(in: -10_000...10_000, using: &random)) / 64)
    case 4:
      let scalars = (0..<Int.random(in: 0...8, using: &random)).map { _ in
        ["a", "\"", "\\", "\n", "\u{1}", "é", "😀", "/", " ", "\u{7F}"].randomElement(using: &random)!
      }
      return .string(scalars.joined())
    case 5:
      return .array((0..<Int.random(in: 0...4, using: &random)).map { _ in randomValue(depth: depth + 1, using: &random) })
    default:
      var members: [String: JSONValue] = [:]
      for index in 0..<Int.random(in: 0...4, using: &random) {
        members["k\(index)"] = randomValue(depth: depth + 1, using: &random)
      }
      return .object(members)
    }
  }
}
