import Foundation
import Testing

@testable import BatchCore

/// Reading the server's requested wait from `Retry-After` and `retry-after-ms`.
@Suite struct RetryAfterTests {
  let now = Date(timeIntervalSince1970: 1_790_000_000)

  func seconds(ms: String? = nil, _ header: String?) -> Double? {
    RetryAfter.seconds(retryAfterMS: ms, retryAfter: header, now: now)
  }

  @Test("whole and fractional seconds", arguments: [("2", 2.0), ("1.5", 1.5), (" 0 ", 0), ("120", 120)])
  func secondsValues(text: String, expected: Double) {
    #expect(seconds(text) == expected)
  }

  @Test("a negative number means now")
  func negative() {
    #expect(seconds("-5") == 0)
  }

  @Test("an HTTP date is measured from now, and a past date means now")
  func httpDate() {
    let inTen = now.addingTimeInterval(10)
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
    #expect(seconds(formatter.string(from: inTen)) == 10)
    #expect(seconds(formatter.string(from: now.addingTimeInterval(-30))) == 0)
    #expect(seconds("Wed, 21 Oct 2015 07:28:00 GMT") == 0)
  }

  @Test("retry-after-ms wins over Retry-After")
  func millisecondsWin() {
    #expect(seconds(ms: "250", "3") == 0.25)
    #expect(seconds(ms: "1500", nil) == 1.5)
  }

  @Test("a junk retry-after-ms falls back to Retry-After", arguments: ["soon", "-1", "", "nan"])
  func junkMilliseconds(ms: String) {
    #expect(seconds(ms: ms, "4") == 4)
  }

  @Test("junk or missing headers say nothing", arguments: [nil, "", "soon", "nan", "inf", "Tomorrow at noon"])
  func junk(header: String?) {
    #expect(seconds(header) == nil)
  }
}
