import Foundation
import Testing

@testable import BatchCore

/// ISO-8601 parsing of `BatchTimestamp`, which keeps the server's text.
@Suite struct BatchTimestampTests {
  static let instant = 1_705_333_530.0

  @Test(
    "the same instant in every accepted spelling",
    arguments: [
      ("2024-01-15T15:45:30Z", 0.0),
      ("2024-01-15T15:45:30.250Z", 0.25),
      ("2024-01-15T15:45:30.123456Z", 0.123456),
      ("2024-01-15T17:45:30+02:00", 0),
      ("2024-01-15T10:45:30.5-05:00", 0.5),
      ("2024-01-15T15:45:30", 0),
      ("2024-01-15T15:45:30.75", 0.75),
    ])
  func parses(text: String, fraction: Double) throws {
    let stamp = BatchTimestamp(raw: text)
    let date = try #require(stamp.date)
    #expect(abs(date.timeIntervalSince1970 - (Self.instant + fraction)) < 0.000_01)
    #expect(stamp.raw == text)
    #expect(stamp.description == text)
  }

  @Test("text that is not a timestamp is kept with no date", arguments: ["", "yesterday", "2024-13-45T99:00:00Z"])
  func junk(text: String) {
    let stamp = BatchTimestamp(raw: text)
    #expect(stamp.date == nil)
    #expect(stamp.raw == text)
  }

  @Test("a date formats as whole-second UTC and parses back")
  func format() {
    let stamp = BatchTimestamp(Date(timeIntervalSince1970: Self.instant))
    #expect(stamp.raw == "2024-01-15T15:45:30Z")
    #expect(BatchTimestamp(raw: stamp.raw).date == stamp.date)
  }

  @Test("encoding writes the raw text")
  func encode() throws {
    let data = try JSONEncoder().encode([BatchTimestamp(raw: "2024-01-15T17:45:30.100+02:00")])
    #expect(String(decoding: data, as: UTF8.self) == #"["2024-01-15T17:45:30.100+02:00"]"#)
  }
}
