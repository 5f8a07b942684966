import Foundation
import BatchSimulator
import Testing

@testable import BatchCore

/// The fast timestamp reader agrees with `Date.ISO8601FormatStyle` and refuses what is not a real instant.
@Suite struct ISO8601ScannerTests {
  @Test func readsWhatTheFormatStyleWritesAcrossCenturiesAndOffsets() throws {
    var generator = SimRandom(seed: 8601)  // seeded: a failure repeats
    for _ in 0..<2_000 {
      let millis = Int64.random(in: -2_000_000_000_000...7_000_000_000_000, using: &generator)
      let date = Date(timeIntervalSince1970: Double(millis) / 1000)
      let minutesEast = [0, 330, -480, 840, -210].randomElement(using: &generator)!
      let zone = try #require(TimeZone(secondsFromGMT: minutesEast * 60))
      let fractional = Bool.random(using: &generator)
      let style = Date.ISO8601FormatStyle(includingFractionalSeconds: fractional, timeZone: zone)
      let text = date.formatted(style)
      let scanned = try #require(ISO8601Scanner.date(from: text), "\(text)")
      let expected = try style.parse(text)
      #expect(abs(scanned.timeIntervalSince(expected)) < 0.000_001, "\(text)")
      #expect(abs(scanned.timeIntervalSince(date)) < 1, "\(text)")
      // The compact offset spelling reads the same.
      if minutesEast != 0, let colon = text.lastIndex(of: ":"), text.distance(from: colon, to: text.endIndex) == 3 {
        var compact = text
        compact.remove(at: colon)
        #expect(ISO8601Scanner.date(from: compact) == scanned, "\(compact)")
      }
    }
  }

  @Test(
    "the shapes the API writes are read without falling back",
    arguments: [
      ("2024-01-15T15:45:30Z", 1_705_333_530.0),
      ("2024-01-15T15:45:30.123456789Z", 1_705_333_530.123456789),
      ("2024-02-29T00:00:00Z", 1_709_164_800),
      ("2000-02-29T23:59:59-01:00", 951_872_399),
      ("1970-01-01T00:00:00", 0),
      ("1969-12-31T23:59:59.5Z", -0.5),
    ] as [(String, Double)])
  func reads(text: String, expected: Double) throws {
    let date = try #require(ISO8601Scanner.date(from: text))
    #expect(abs(date.timeIntervalSince1970 - expected) < 0.000_001)
  }

  @Test(
    "impossible dates and other shapes give nil",
    arguments: [
      "", "2024-02-30T00:00:00Z", "2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2024-13-01T00:00:00Z",
      "2024-01-15T24:00:00Z", "2024-01-15T15:60:00Z", "2024-01-15T15:45:60Z", "2024-01-15 15:45:30Z",
      "2024-01-15T15:45:30.Z", "2024-01-15T15:45:30+5", "2024-01-15T15:45:30Zjunk", "20240115T154530Z",
      "2024-1-15T15:45:30Z", "yesterday",
    ])
  func refuses(text: String) {
    #expect(ISO8601Scanner.date(from: text) == nil)
  }

  @Test func daysSinceEpochMatchesTheCalendar() throws {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
    for (year, month, day) in [(1970, 1, 1), (1600, 3, 1), (2000, 2, 29), (2100, 12, 31), (1601, 1, 1), (2026, 11, 29)] {
      let date = try #require(calendar.date(from: DateComponents(year: year, month: month, day: day)))
      #expect(ISO8601Scanner.daysSinceEpoch(year: year, month: month, day: day) * 86_400
        == Int(date.timeIntervalSince1970))
    }
  }
}
