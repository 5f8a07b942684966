import BatchCommands
import Foundation
import Testing

/// `DisplayZone` works the wall clock out with the C library; these compare it with Foundation's `Calendar`.
@Suite struct DisplayZoneTests {
  /// Dates spread over 1900–2100, the same on every run.
  static let dates: [Date] = {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    return (0..<500).map { _ in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Date(timeIntervalSince1970: Double(Int64(bitPattern: state >> 1) % 6_311_390_400) - 2_208_988_800)
    }
  }()

  static func calendarClock(_ date: Date, _ zone: TimeZone) -> WallClock {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    return WallClock(
      year: c.year!, month: c.month!, day: c.day!, hour: c.hour!, minute: c.minute!, second: c.second!,
      secondsFromGMT: zone.secondsFromGMT(for: date))
  }

  @Test(arguments: [0, 3600, -5 * 3600 - 1800, 14 * 3600, -12 * 3600, 45 * 60])
  func fixedOffsetsMatchTheCalendar(secondsFromGMT: Int) throws {
    let zone = try #require(TimeZone(secondsFromGMT: secondsFromGMT))
    for date in Self.dates {
      #expect(DisplayZone.fixed(secondsFromGMT: secondsFromGMT).wallClock(at: date) == Self.calendarClock(date, zone))
    }
  }

  @Test func utcMatchesTheCalendar() throws {
    let zone = try #require(TimeZone(identifier: "UTC"))
    for date in Self.dates { #expect(DisplayZone.utc.wallClock(at: date) == Self.calendarClock(date, zone)) }
  }

  /// Both read `TZ` and `/etc/localtime`; whatever zone the machine is in, they agree in this century.
  @Test func localTimeMatchesTheCurrentTimeZone() {
    for date in Self.dates where date.timeIntervalSince1970 > 0 && date.timeIntervalSince1970 < 4_102_444_800 {
      #expect(DisplayZone.local.wallClock(at: date) == Self.calendarClock(date, .current))
    }
  }

  @Test func fractionsOfASecondRoundDown() {
    let clock = DisplayZone.utc.wallClock(at: Date(timeIntervalSince1970: -0.5))
    #expect(clock == WallClock(year: 1969, month: 12, day: 31, hour: 23, minute: 59, second: 59, secondsFromGMT: 0))
  }
}
