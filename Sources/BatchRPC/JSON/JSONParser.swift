import BatchCommands

/// A strict JSON parser for one protocol line, keeping number ids' raw text.
///
/// Foundation's decoders lose the spelling of numbers (`1e3` would come back as `1000.0`), and JSON-RPC ids must be
/// echoed exactly, so this parser records the raw text of every message's `id` when it is a number. It reads bytes,
/// so invalid UTF-8 inside a string is reported as such, and it stops at `maxDepth` levels of nesting rather than
/// overflowing the stack on a line of a million `[`.
struct JSONParser {
  /// Why a line is not JSON: what went wrong and where (a byte offset).
  struct Failure: Error, Equatable {
    var message: String
  }

  static let maxDepth = 64

  let bytes: UnsafeBufferPointer<UInt8>
  var index = 0
  private var depth = 0

  private init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  // MARK: - Lines

  /// Parses a line holding one message or a batch array of messages.
  static func parseLine(_ line: [UInt8]) throws(Failure) -> ParsedLine {
    let result: Result<ParsedLine, Failure> = line.withUnsafeBufferPointer { buffer in
      var parser = JSONParser(buffer)
      do throws(Failure) {
        return .success(try parser.line())
      } catch {
        return .failure(error)
      }
    }
    return try result.get()
  }

  /// Parses any JSON value (used by tests and for params).
  static func parseValue(_ text: String) throws(Failure) -> JSONValue {
    let line = Array(text.utf8)
    switch try parseLine(line) {
    case .message(let message): return message.value
    case .batch(let messages): return .array(messages.map(\.value))
    }
  }

  private mutating func line() throws(Failure) -> ParsedLine {
    skipWhitespace()
    let parsed: ParsedLine
    if peek() == UInt8(ascii: "[") {
      index += 1
      var messages: [RawMessage] = []
      skipWhitespace()
      if peek() == UInt8(ascii: "]") {
        index += 1
      } else {
        while true {
          messages.append(try message())
          skipWhitespace()
          if try expectEither(UInt8(ascii: ","), UInt8(ascii: "]")) == UInt8(ascii: "]") { break }
        }
      }
      parsed = .batch(messages)
    } else {
      parsed = .message(try message())
    }
    skipWhitespace()
    guard index == bytes.count else { throw fail("unexpected \(describe(bytes[index])) after the JSON value") }
    return parsed
  }

  /// One element: an object whose numeric `id` keeps its text, or any other value (an invalid message).
  private mutating func message() throws(Failure) -> RawMessage {
    skipWhitespace()
    guard peek() == UInt8(ascii: "{") else { return RawMessage(value: try value()) }
    var idText: String?
    let object = try object { key, parser throws(Failure) in
      guard key == "id", let first = parser.peek(), first == UInt8(ascii: "-") || (48...57).contains(first) else {
        return try parser.value()
      }
      let start = parser.index
      let number = try parser.number()
      idText = String(decoding: UnsafeBufferPointer(rebasing: parser.bytes[start..<parser.index]), as: UTF8.self)
      return number
    }
    return RawMessage(value: .object(object), idText: idText)
  }

  // MARK: - Values

  private mutating func value() throws(Failure) -> JSONValue {
    skipWhitespace()
    guard let byte = peek() else { throw fail("unexpected end of line") }
    switch byte {
    case UInt8(ascii: "{"): return .object(try object { _, parser throws(Failure) in try parser.value() })
    case UInt8(ascii: "["): return try array()
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    case UInt8(ascii: "-"), 48...57: return try number()
    default: throw fail("unexpected \(describe(byte))")
    }
  }

  private mutating func object(
    _ member: (String, inout JSONParser) throws(Failure) -> JSONValue
  ) throws(Failure) -> [String: JSONValue] {
    try enter()
    index += 1
    var members: [String: JSONValue] = [:]
    skipWhitespace()
    if peek() == UInt8(ascii: "}") {
      index += 1
    } else {
      while true {
        skipWhitespace()
        guard peek() == UInt8(ascii: "\"") else { throw fail("expected a member name in double quotes") }
        let key = try string()
        skipWhitespace()
        try expect(UInt8(ascii: ":"))
        skipWhitespace()
        members[key] = try member(key, &self)
        skipWhitespace()
        if try expectEither(UInt8(ascii: ","), UInt8(ascii: "}")) == UInt8(ascii: "}") { break }
      }
    }
    depth -= 1
    return members
  }

  private mutating func array() throws(Failure) -> JSONValue {
    try enter()
    index += 1
    var elements: [JSONValue] = []
    skipWhitespace()
    if peek() == UInt8(ascii: "]") {
      index += 1
    } else {
      while true {
        elements.append(try value())
        skipWhitespace()
        if try expectEither(UInt8(ascii: ","), UInt8(ascii: "]")) == UInt8(ascii: "]") { break }
      }
    }
    depth -= 1
    return .array(elements)
  }

  private mutating func literal(_ word: StaticString, _ result: JSONValue) throws(Failure) -> JSONValue {
    let count = word.utf8CodeUnitCount
    guard index + count <= bytes.count,
      (0..<count).allSatisfy({ bytes[index + $0] == word.utf8Start[$0] })
    else { throw fail("invalid literal (expected \(word))") }
    index += count
    return result
  }

  // MARK: - Helpers used by the scalar parsers

  func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

  mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D: index += 1
      default: return
      }
    }
  }

  private mutating func enter() throws(Failure) {
    depth += 1
    guard depth <= Self.maxDepth else { throw fail("nested deeper than \(Self.maxDepth) levels") }
  }

  private mutating func expect(_ byte: UInt8) throws(Failure) {
    guard peek() == byte else { throw fail("expected '\(Character(Unicode.Scalar(byte)))'") }
    index += 1
  }

  private mutating func expectEither(_ first: UInt8, _ second: UInt8) throws(Failure) -> UInt8 {
    guard let byte = peek(), byte == first || byte == second else {
      let what = peek().map(describe) ?? "end of line"
      throw fail("expected '\(Character(Unicode.Scalar(first)))' or '\(Character(Unicode.Scalar(second)))', "
        + "found \(what)")
    }
    index += 1
    return byte
  }
}
