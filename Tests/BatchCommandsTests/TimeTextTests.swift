import BatchCommands
import Foundation
import Testing

@Suite struct TimeTextTests {
  let now = Fixtures.now

  @Test(arguments: [
    (0.0, "0s ago"), (59, "59s ago"), (60, "1m ago"), (3599, "59m ago"), (3600, "1h ago"), (86399, "23h ago"),
    (86400, "1d ago"), (364 * 86400, "364d ago"), (800 * 86400, "2y ago"), (-30, "just now"), (-300, "in 5m"),
  ] as [(Double, String)])
  func agesUseTheLargestUnit(secondsAgo: Double, expected: String) {
    #expect(TimeText.age(of: now.addingTimeInterval(-secondsAgo), now: now) == expected)
  }

  @Test(arguments: [
    (11520.0, "in 3h 12m"), (7200, "in 2h"), (45, "in 45s"), (600, "in 10m"), (187200, "in 2d 4h"), (0, "passed"),
    (-10, "passed"),
  ] as [(Double, String)])
  func remainingUsesTwoUnits(secondsLeft: Double, expected: String) {
    #expect(TimeText.remaining(until: now.addingTimeInterval(secondsLeft), now: now) == expected)
  }

  @Test func absoluteTimesInUTCAndWithOffsets() {
    #expect(TimeText.absolute(now, zone: .utc) == "2026-03-01 12:00:00 UTC")
    #expect(TimeText.absolute(now, zone: .fixed(secondsFromGMT: 3600)) == "2026-03-01 13:00:00 +01:00")
    #expect(TimeText.absolute(now, zone: .fixed(secondsFromGMT: -(9 * 3600 + 30 * 60))) == "2026-03-01 02:30:00 -09:30")
    #expect(TimeText.absolute(now, zone: .fixed(secondsFromGMT: 0)) == "2026-03-01 12:00:00 UTC")
    #expect(TimeText.absolute(Date(timeIntervalSince1970: 0.999), zone: .utc) == "1970-01-01 00:00:00 UTC")
  }

  @Test("byte counts in decimal units, rounded to one decimal", arguments: [
    (Int64(0), "0 B"), (999, "999 B"), (1000, "1.0 kB"), (1_234_567, "1.2 MB"), (999_999_999, "1.0 GB"),
    (5_000_000_000_000, "5.0 TB"),
    (1049, "1.0 kB"), (1050, "1.1 kB"), (643_800, "643.8 kB"), (999_949, "999.9 kB"), (999_950, "1.0 MB"),
    (12_345_678_901, "12.3 GB"),
  ] as [(Int64, String)])
  func byteCounts(bytes: Int64, expected: String) {
    #expect(TimeText.bytes(bytes) == expected)
  }
}
