/// Strings and numbers.
extension JSONScanner {
  // MARK: - Strings

  /// Reads a string starting at its opening quote; escapes are decoded and the bytes must be valid UTF-8.
  public mutating func string() throws(Failure) -> String {
    let start = index
    let text: String?
    switch try stringBytes() {
    case .plain(let range, isASCII: true):
      // ASCII is valid UTF-8; this initializer is specialized for the buffer, unlike the validating one.
      text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    case .plain(let range, isASCII: false):
      text = String(validating: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    case .decoded(let decoded):
      text = String(validating: decoded, as: UTF8.self)
    }
    guard let text else { throw fail("invalid UTF-8 in the string", at: start) }
    return text
  }

  /// A string's bytes, as `stringBytes()` found them.
  enum StringBytes {
    /// The string has no escape: its bytes are these of the input, all ASCII or not.
    case plain(Range<Int>, isASCII: Bool)
    /// The string had escapes: its bytes decoded (not yet checked to be UTF-8).
    case decoded([UInt8])
  }

  /// Reads a string starting at its opening quote, up to and past its closing one, and returns its bytes: where they
  /// are in the input when it has no escape, else decoded.
  mutating func stringBytes() throws(Failure) -> StringBytes {
    let start = index
    index += 1
    var runStart = index
    var decoded: [UInt8]?
    var isASCII = true
    while true {
      index = Self.plainRunEnd(bytes, from: index)
      guard index < bytes.count else { throw fail("unterminated string", at: start) }
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") { break }
      if byte < 0x20 { throw fail("unescaped control character \(describe(byte)) in a string") }
      if byte != UInt8(ascii: "\\") {
        isASCII = false  // the run stops only at a quote, a backslash, a control character or a byte of 0x80 up
        index += 1
        continue
      }
      if decoded == nil { decoded = [] }
      decoded!.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
      try escape(into: &decoded!)
      runStart = index
    }
    defer { index += 1 }
    guard var decoded else { return .plain(runStart..<index, isASCII: isASCII) }
    decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
    return .decoded(decoded)
  }

  /// The index of the first byte from `index` on that ends a plain run inside a string (a quote, a backslash, a
  /// control character or a byte of 0x80 up), or the end. It tests eight bytes at a time: a job is mostly strings,
  /// and a byte at a time they took a third of the time to decode one.
  static func plainRunEnd(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    var index = index
    guard let base = bytes.baseAddress else { return index }
    while index + 8 <= bytes.count {
      let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self).littleEndian
      // The high bit of each byte that is a quote, a backslash, below 0x20 or from 0x80 up. A borrow can set a bit
      // in a byte above one that is truly set, never below, so the lowest bit set is the first such byte.
      let quote = word ^ (ones &* 0x22)
      let backslash = word ^ (ones &* 0x5C)
      let special =
        ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((word &- ones &* 0x20) & ~word) | word
      let found = special & highs
      if found != 0 { return index + found.trailingZeroBitCount >> 3 }
      index += 8
    }
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { return index }
      index += 1
    }
    return index
  }

  /// Decodes the escape at `index` (a backslash) and appends its UTF-8.
  private mutating func escape(into output: inout [UInt8]) throws(Failure) {
    index += 1
    guard index < bytes.count else { throw fail("unterminated escape") }
    let letter = bytes[index]
    index += 1
    switch letter {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(letter)
    case UInt8(ascii: "b"): output.append(0x08)
    case UInt8(ascii: "f"): output.append(0x0C)
    case UInt8(ascii: "n"): output.append(0x0A)
    case UInt8(ascii: "r"): output.append(0x0D)
    case UInt8(ascii: "t"): output.append(0x09)
    case UInt8(ascii: "u"):
      var scalar = try hex4()
      if (0xD800...0xDBFF).contains(scalar), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
        bytes[index + 1] == UInt8(ascii: "u")
      {
        let save = index
        index += 2
        let low = try hex4()
        if (0xDC00...0xDFFF).contains(low) {
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        } else {
          index = save
        }
      }
      // A lone surrogate cannot live in a Swift string: it becomes U+FFFD, as most JSON readers do.
      output.append(contentsOf: String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8)
    default:
      throw fail("invalid escape '\\\(Character(Unicode.Scalar(letter)))'", at: index - 2)
    }
  }

  private mutating func hex4() throws(Failure) -> UInt32 {
    guard index + 4 <= bytes.count else { throw fail("truncated \\u escape") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      let digit: UInt8
      switch byte {
      case 48...57: digit = byte - 48
      case 65...70: digit = byte - 55
      case 97...102: digit = byte - 87
      default: throw fail("invalid hex digit \(describe(byte)) in a \\u escape")
      }
      value = value << 4 | UInt32(digit)
      index += 1
    }
    return value
  }

  // MARK: - Numbers

  /// Reads a number in JSON's grammar (no leading `+`, no leading zeros, digits on both sides of the point).
  public mutating func number() throws(Failure) -> Number {
    let start = index
    var isInteger = true
    if peek() == UInt8(ascii: "-") { index += 1 }
    if peek() == UInt8(ascii: "0") {
      index += 1
    } else {
      guard digits() > 0 else { throw fail("invalid number", at: start) }
    }
    if peek() == UInt8(ascii: ".") {
      index += 1
      isInteger = false
      guard digits() > 0 else { throw fail("expected digits after the decimal point") }
    }
    if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
      index += 1
      isInteger = false
      if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
      guard digits() > 0 else { throw fail("expected digits in the exponent") }
    }
    if isInteger, let integer = Self.smallInteger(bytes, start..<index) { return .integer(integer) }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    if isInteger, let integer = Int64(text) { return .integer(integer) }
    return .double(Double(text) ?? .nan)
  }

  /// The value of an integer of at most 18 digits, which cannot overflow, read without making a `String`; nil for a
  /// longer one.
  private static func smallInteger(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int64? {
    let negative = bytes[range.lowerBound] == UInt8(ascii: "-")
    let digits = negative ? range.dropFirst() : range[...]
    guard digits.count <= 18 else { return nil }
    var value: Int64 = 0
    for index in digits { value = value * 10 + Int64(bytes[index] &- 48) }
    return negative ? -value : value
  }

  private mutating func digits() -> Int {
    let start = index
    while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
    return index - start
  }
}
