import BatchCommands
import BatchCore

/// A strict JSON parser for one protocol line, keeping number ids' raw text.
///
/// Foundation's decoders lose the spelling of numbers (`1e3` would come back as `1000.0`), and JSON-RPC ids must be
/// echoed exactly, so this parser records the raw text of every message's `id` when it is a number. Tokens (strings,
/// numbers, literals, nesting depth) are read by BatchCore's `JSONScanner`; this builds `JSONValue`s from them.
struct JSONParser {
  /// Why a line is not JSON: what went wrong and where (a byte position, counted from 1).
  typealias Failure = JSONScanner.Failure

  /// Levels of nesting allowed in a line, a batch array counting as one.
  static let maxDepth = 64

  private var scanner: JSONScanner

  private init(_ bytes: UnsafeBufferPointer<UInt8>) {
    scanner = JSONScanner(bytes, maxDepth: Self.maxDepth)
  }

  private init(scanner: JSONScanner) {
    self.scanner = scanner
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
    scanner.skipWhitespace()
    let parsed: ParsedLine
    if scanner.peek() == UInt8(ascii: "[") {
      var messages: [RawMessage] = []
      try elements { parser throws(Failure) in messages.append(try parser.message()) }
      parsed = .batch(messages)
    } else {
      parsed = .message(try message())
    }
    try scanner.expectEnd()
    return parsed
  }

  /// One element: an object whose numeric `id` keeps its text, or any other value (an invalid message).
  private mutating func message() throws(Failure) -> RawMessage {
    scanner.skipWhitespace()
    guard scanner.peek() == UInt8(ascii: "{") else { return RawMessage(value: try value()) }
    var idText: String?
    let object = try object { key, parser throws(Failure) in
      guard key == "id", let first = parser.scanner.peek(), first == UInt8(ascii: "-") || (48...57).contains(first)
      else { return try parser.value() }
      let start = parser.scanner.index
      let number = try parser.number()
      let end = parser.scanner.index
      idText = String(decoding: UnsafeBufferPointer(rebasing: parser.scanner.bytes[start..<end]), as: UTF8.self)
      return number
    }
    return RawMessage(value: .object(object), idText: idText)
  }

  // MARK: - Values

  private mutating func value() throws(Failure) -> JSONValue {
    scanner.skipWhitespace()
    guard let byte = scanner.peek() else { throw scanner.fail("unexpected end of line") }
    switch byte {
    case UInt8(ascii: "{"): return .object(try object { _, parser throws(Failure) in try parser.value() })
    case UInt8(ascii: "["):
      var values: [JSONValue] = []
      try elements { parser throws(Failure) in values.append(try parser.value()) }
      return .array(values)
    case UInt8(ascii: "\""): return .string(try scanner.string())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    case UInt8(ascii: "-"), 48...57: return try number()
    default: throw scanner.fail("unexpected \(scanner.describe(byte))")
    }
  }

  /// An object's members, each value read by `member` with this parser.
  private mutating func object(
    _ member: (String, inout JSONParser) throws(Failure) -> JSONValue
  ) throws(Failure) -> [String: JSONValue] {
    var members: [String: JSONValue] = [:]
    try scanner.members { key, scanner throws(Failure) in
      var parser = JSONParser(scanner: scanner)
      members[key] = try member(key, &parser)
      scanner = parser.scanner
    }
    return members
  }

  /// An array's elements, each read by `element` with this parser.
  private mutating func elements(_ element: (inout JSONParser) throws(Failure) -> Void) throws(Failure) {
    try scanner.elements { scanner throws(Failure) in
      var parser = JSONParser(scanner: scanner)
      try element(&parser)
      scanner = parser.scanner
    }
  }

  private mutating func literal(_ word: StaticString, _ result: JSONValue) throws(Failure) -> JSONValue {
    try scanner.literal(word)
    return result
  }

  /// A number: `.integer` when it has no fraction or exponent and fits in 64 bits, else `.number`.
  private mutating func number() throws(Failure) -> JSONValue {
    switch try scanner.number() {
    case .integer(let value): .integer(value)
    case .double(let value): .number(value)
    }
  }
}
