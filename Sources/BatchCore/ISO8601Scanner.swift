import Foundation

/// A fast reader for the timestamps the API writes: `2026-11-29T10:15:00Z`, with optional fractional seconds and
/// an optional `Z` or numeric offset (`+02:00`, `+0200`); no designator means UTC.
///
/// `Date.ISO8601FormatStyle` costs microseconds per parse, and throws (slower still) when the text lacks the
/// fraction it was configured for; a list of ten thousand jobs carries thirty thousand timestamps. Text this does
/// not recognise gives nil, and `BatchTimestamp.parse` falls back to the format styles.
enum ISO8601Scanner {
  /// The instant the text denotes, or nil when it is not in the shape above or names an impossible date.
  static func date(from text: String) -> Date? {
    var text = text
    return text.withUTF8 { bytes in
      var cursor = Cursor(bytes: bytes)
      return cursor.timestamp()
    }
  }

  /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
  static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  private struct Cursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    var isAtEnd: Bool { index == bytes.count }

    mutating func timestamp() -> Date? {
      guard let year = number(digits: 4), skip("-"), let month = number(digits: 2), skip("-"),
        let day = number(digits: 2), skip("T") || skip("t"), let hour = number(digits: 2), skip(":"),
        let minute = number(digits: 2), skip(":"), let second = number(digits: 2)
      else { return nil }
      guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day), hour < 24, minute < 60,
        second < 60
      else { return nil }
      var fraction = 0.0
      if skip(".") {
        var scale = 0.1
        let start = index
        while let digit = digit() {
          fraction += Double(digit) * scale
          scale /= 10
        }
        guard index > start else { return nil }
      }
      guard let offset = zoneOffset(), isAtEnd else { return nil }
      let days = daysSinceEpoch(year: year, month: month, day: day)
      let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - offset
      return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// Seconds east of UTC: `Z`, `±HH:MM`, `±HHMM`, or nothing (UTC); nil when malformed.
    mutating func zoneOffset() -> Int? {
      if isAtEnd { return 0 }
      if skip("Z") || skip("z") { return 0 }
      let sign: Int
      if skip("+") { sign = 1 } else if skip("-") { sign = -1 } else { return nil }
      guard let hours = number(digits: 2) else { return nil }
      _ = skip(":")
      guard let minutes = number(digits: 2), hours < 24, minutes < 60 else { return nil }
      return sign * (hours * 3_600 + minutes * 60)
    }

    mutating func skip(_ character: Unicode.Scalar) -> Bool {
      guard !isAtEnd, bytes[index] == UInt8(ascii: character) else { return false }
      index += 1
      return true
    }

    mutating func digit() -> Int? {
      guard !isAtEnd, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) else { return nil }
      defer { index += 1 }
      return Int(bytes[index] - UInt8(ascii: "0"))
    }

    mutating func number(digits: Int) -> Int? {
      var value = 0
      for _ in 0..<digits {
        guard let digit = digit() else { return nil }
        value = value * 10 + digit
      }
      return value
    }
  }
}
