/// A strict reader of JSON text, one token at a time, over bytes the caller keeps alive.
///
/// It is the layer under the two hot JSON paths: batch jobs decoded straight from a response (`BatchJob+JSON`), and
/// the JSON-RPC parser, which needs the raw text of number ids. It reads bytes, so invalid UTF-8 inside a string
/// is reported as such, and `enter()` stops at `maxDepth` levels of nesting rather than overflowing the stack on a
/// line of a million `[`. Failures say what went wrong and at which byte, counted from 1 as editors do. Strings and
/// numbers are in `JSONScanner+Scalars.swift`.
public struct JSONScanner {
  /// Why the text is not JSON (or not the JSON expected): what went wrong and where.
  public struct Failure: Error, Equatable, Sendable {
    public var message: String

    public init(message: String) {
      self.message = message
    }
  }

  /// A number as written: an integer when it has no fraction or exponent and fits in 64 bits.
  public enum Number: Equatable, Sendable {
    case integer(Int64)
    case double(Double)

    public var doubleValue: Double {
      switch self {
      case .integer(let value): Double(value)
      case .double(let value): value
      }
    }
  }

  public let bytes: UnsafeBufferPointer<UInt8>
  public var index = 0
  public let maxDepth: Int
  private var depth = 0

  public init(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int = 64) {
    self.bytes = bytes
    self.maxDepth = maxDepth
  }

  // MARK: - Structure

  /// The current byte, or nil at the end.
  public func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

  public var isAtEnd: Bool { index >= bytes.count }

  public mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D: index += 1
      default: return
      }
    }
  }

  /// Checks that only whitespace follows the value just read.
  public mutating func expectEnd() throws(Failure) {
    skipWhitespace()
    if let byte = peek() { throw fail("unexpected \(describe(byte)) after the JSON value") }
  }

  /// Steps into an object or array at the current byte, failing past `maxDepth` levels.
  public mutating func enter() throws(Failure) {
    depth += 1
    guard depth <= maxDepth else { throw fail("nested deeper than \(maxDepth) levels") }
    index += 1
  }

  /// Steps out of an object or array (after its closing byte was read).
  public mutating func leave() {
    depth -= 1
  }

  public mutating func expect(_ byte: UInt8) throws(Failure) {
    guard peek() == byte else { throw fail("expected '\(Character(Unicode.Scalar(byte)))'") }
    index += 1
  }

  /// Reads one of two bytes (`,` or a closing bracket) and returns which.
  public mutating func expectEither(_ first: UInt8, _ second: UInt8) throws(Failure) -> UInt8 {
    guard let byte = peek(), byte == first || byte == second else {
      let what = peek().map(describe) ?? "end of input"
      throw fail("expected '\(Character(Unicode.Scalar(first)))' or '\(Character(Unicode.Scalar(second)))', "
        + "found \(what)")
    }
    index += 1
    return byte
  }

  /// Reads `true`, `false` or `null` spelled exactly.
  public mutating func literal(_ word: StaticString) throws(Failure) {
    let count = word.utf8CodeUnitCount
    guard index + count <= bytes.count,
      (0..<count).allSatisfy({ bytes[index + $0] == word.utf8Start[$0] })
    else { throw fail("invalid literal (expected \(word))") }
    index += count
  }

  /// Reads the members of an object whose `{` is the current byte, calling `member` with each name; `member` reads
  /// (or skips) the value, which starts after any whitespace.
  public mutating func members(_ member: (String, inout JSONScanner) throws(Failure) -> Void) throws(Failure) {
    try rawMembers { name, scanner throws(Failure) in try member(String(decoding: name, as: UTF8.self), &scanner) }
  }

  /// Reads the members of an object as `members(_:)` does, giving each name as its UTF-8 bytes (escapes decoded,
  /// checked to be UTF-8), valid during the call only: a decoder that knows its names matches them without a
  /// `String` for each.
  public mutating func rawMembers(
    _ member: (UnsafeBufferPointer<UInt8>, inout JSONScanner) throws(Failure) -> Void
  ) throws(Failure) {
    assert(peek() == UInt8(ascii: "{"), "rawMembers() called off an object")
    try items(closing: UInt8(ascii: "}")) { scanner throws(Failure) in
      guard scanner.peek() == UInt8(ascii: "\"") else { throw scanner.fail("expected a member name in double quotes") }
      let start = scanner.index
      // A plain ASCII name is read where it lies; any other is checked as `string()` checks it, then copied.
      var range = 0..<0
      var copy: [UInt8]?
      switch try scanner.stringBytes() {
      case .plain(let plain, isASCII: true): range = plain
      case .plain(let plain, isASCII: false): copy = Array(scanner.bytes[plain])
      case .decoded(let decoded): copy = decoded
      }
      if let copy, String(validating: copy, as: UTF8.self) == nil {
        throw scanner.fail("invalid UTF-8 in the string", at: start)
      }
      scanner.skipWhitespace()
      try scanner.expect(UInt8(ascii: ":"))
      scanner.skipWhitespace()
      guard let copy else { return try member(UnsafeBufferPointer(rebasing: scanner.bytes[range]), &scanner) }
      try copy.withUnsafeBufferPointer { name throws(Failure) in try member(name, &scanner) }
    }
  }

  /// Reads the elements of an array whose `[` is the current byte, calling `element` for each; `element` reads the
  /// value, which starts after any whitespace.
  public mutating func elements(_ element: (inout JSONScanner) throws(Failure) -> Void) throws(Failure) {
    assert(peek() == UInt8(ascii: "["), "elements() called off an array")
    try items(closing: UInt8(ascii: "]"), element)
  }

  /// The comma-separated items of an object or array, up to its `closing` byte.
  private mutating func items(closing: UInt8, _ item: (inout JSONScanner) throws(Failure) -> Void) throws(Failure) {
    try enter()
    skipWhitespace()
    if peek() == closing {
      index += 1
    } else {
      while true {
        skipWhitespace()
        try item(&self)
        skipWhitespace()
        if try expectEither(UInt8(ascii: ","), closing) == closing { break }
      }
    }
    leave()
  }

  /// Reads and discards one value of any kind, checking it is valid JSON.
  public mutating func skipValue() throws(Failure) {
    skipWhitespace()
    guard let byte = peek() else { throw fail("unexpected end of input") }
    switch byte {
    case UInt8(ascii: "{"): try rawMembers { _, scanner throws(Failure) in try scanner.skipValue() }
    case UInt8(ascii: "["): try elements { scanner throws(Failure) in try scanner.skipValue() }
    case UInt8(ascii: "\""): _ = try string()
    case UInt8(ascii: "t"): try literal("true")
    case UInt8(ascii: "f"): try literal("false")
    case UInt8(ascii: "n"): try literal("null")
    case UInt8(ascii: "-"), 48...57: _ = try number()
    default: throw fail("unexpected \(describe(byte))")
    }
  }

  // MARK: - Failures

  /// A failure at `offset` (default: the current byte), counted from 1.
  public func fail(_ message: String, at offset: Int? = nil) -> Failure {
    Failure(message: "\(message) at byte \((offset ?? index) + 1)")
  }

  /// A byte as a reader would want to see it: `'x'` when printable ASCII, else `byte 0xff`.
  public func describe(_ byte: UInt8) -> String {
    (0x21...0x7E).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
  }
}
