import NIOCore

/// Hand-written JSON output into a `ByteBuffer`: strings with correct escaping, numbers and ISO-8601 timestamps.
///
/// The hot paths (`GET /v1/batches` of 10,000 jobs, `GET /v1/batches/{id}` at 20k req/s) write JSON with these
/// instead of `JSONEncoder`.
extension ByteBuffer {
  /// Writes `"key":`.
  mutating func writeJSONKey(_ key: StaticString) {
    writeInteger(UInt8(ascii: "\""))
    writeStaticString(key)
    writeStaticString("\":")
  }

  /// Writes `text` as a JSON string literal, escaping quotes, backslashes and control characters.
  mutating func writeJSONString(_ text: String) {
    writeInteger(UInt8(ascii: "\""))
    var plain = true
    for byte in text.utf8 where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
      plain = false
      break
    }
    if plain {
      writeString(text)
    } else {
      for byte in text.utf8 {
        writeEscaped(byte)
      }
    }
    writeInteger(UInt8(ascii: "\""))
  }

  /// Writes a non-negative number with at most two decimals, without trailing zeros (`37.5`, `100`, `0.25`).
  mutating func writeJSONNumber(_ value: Double) {
    guard value.isFinite else {
      writeStaticString("0")
      return
    }
    let hundredths = Int((abs(value) * 100).rounded())
    if value < 0, hundredths > 0 { writeStaticString("-") }
    writeDecimal(hundredths / 100)
    let fraction = hundredths % 100
    if fraction != 0 {
      writeInteger(UInt8(ascii: "."))
      writeInteger(UInt8(ascii: "0") + UInt8(fraction / 10))
      if fraction % 10 != 0 { writeInteger(UInt8(ascii: "0") + UInt8(fraction % 10)) }
    }
  }

  /// Writes an integer in decimal.
  mutating func writeDecimal(_ value: Int) {
    if value < 0 { writeInteger(UInt8(ascii: "-")) }
    writeDigits(value.magnitude, radix: 10)
  }

  /// Writes an unsigned number in a radix up to 36 (lowercase letters past 9), without making a `String`.
  mutating func writeDigits(_ value: UInt, radix: UInt) {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { digits in
      var rest = value
      var start = digits.count
      repeat {
        let digit = UInt8(rest % radix)
        start -= 1
        digits[start] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
        rest /= radix
      } while rest > 0
      writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(digits)[start...]))
    }
  }

  /// Writes a quoted ISO-8601 UTC timestamp, with microseconds (`2026-11-29T08:12:03.123456Z`) or without.
  mutating func writeJSONTimestamp(_ secondsSinceEpoch: Double, fractional: Bool) {
    let totalMicros = Int((secondsSinceEpoch * 1_000_000).rounded())
    let seconds = totalMicros >= 0 ? totalMicros / 1_000_000 : (totalMicros - 999_999) / 1_000_000
    let micros = totalMicros - seconds * 1_000_000
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let secondOfDay = seconds - days * 86_400
    let (year, month, day) = Self.civilDate(daysSinceEpoch: days)
    writeInteger(UInt8(ascii: "\""))
    writeDigits(year, count: 4)
    writeInteger(UInt8(ascii: "-"))
    writeDigits(month, count: 2)
    writeInteger(UInt8(ascii: "-"))
    writeDigits(day, count: 2)
    writeInteger(UInt8(ascii: "T"))
    writeDigits(secondOfDay / 3600, count: 2)
    writeInteger(UInt8(ascii: ":"))
    writeDigits(secondOfDay / 60 % 60, count: 2)
    writeInteger(UInt8(ascii: ":"))
    writeDigits(secondOfDay % 60, count: 2)
    if fractional {
      writeInteger(UInt8(ascii: "."))
      writeDigits(micros, count: 6)
    }
    writeStaticString("Z\"")
  }

  // MARK: - Private

  private mutating func writeEscaped(_ byte: UInt8) {
    switch byte {
    case UInt8(ascii: "\""): writeStaticString("\\\"")
    case UInt8(ascii: "\\"): writeStaticString("\\\\")
    case 0x0A: writeStaticString("\\n")
    case 0x0D: writeStaticString("\\r")
    case 0x09: writeStaticString("\\t")
    case 0x08: writeStaticString("\\b")
    case 0x0C: writeStaticString("\\f")
    case ..<0x20:
      let hex: [UInt8] = Array("0123456789abcdef".utf8)
      writeStaticString("\\u00")
      writeInteger(hex[Int(byte >> 4)])
      writeInteger(hex[Int(byte & 0x0F)])
    default: writeInteger(byte)
    }
  }

  private mutating func writeDigits(_ value: Int, count: Int) {
    var divisor = 1
    for _ in 1..<count { divisor *= 10 }
    var rest = value
    while divisor > 0 {
      writeInteger(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
      rest %= divisor
      divisor /= 10
    }
  }

  /// Converts days since 1970-01-01 to a proleptic Gregorian (year, month, day) (H. Hinnant's algorithm).
  static func civilDate(daysSinceEpoch: Int) -> (Int, Int, Int) {
    let z = daysSinceEpoch + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }
}
