#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The zone absolute times are shown in: UTC, a fixed offset from it, or the system's local time.
///
/// The wall clock comes from the C library (`gmtime_r`, `localtime_r`, which read `TZ` and `/etc/localtime`)
/// rather than from `TimeZone` and `Calendar`: on Linux those load ICU and its time-zone tables, which was about a
/// tenth of a one-shot `batchsh get`'s memory, to print one date.
public enum DisplayZone: Sendable, Hashable {
  /// Coordinated Universal Time, printed with the suffix `UTC`.
  case utc
  /// A fixed offset east of UTC, in seconds.
  case fixed(secondsFromGMT: Int)
  /// The system's local time, with its daylight-saving rules, as the C library sees it (`TZ`, `/etc/localtime`).
  case local

  /// The calendar fields of the wall clock at `date`, and its offset from UTC in seconds.
  public func wallClock(at date: Date) -> WallClock {
    let seconds = date.timeIntervalSince1970.rounded(.down)
    var time = time_t(exactly: seconds) ?? 0
    var fields = tm()
    let offset: Int
    switch self {
    case .utc:
      gmtime_r(&time, &fields)
      offset = 0
    case .fixed(let secondsFromGMT):
      time += time_t(secondsFromGMT)
      gmtime_r(&time, &fields)
      offset = secondsFromGMT
    case .local:
      Self.readTimeZoneSetting
      localtime_r(&time, &fields)
      offset = Int(fields.tm_gmtoff)
    }
    return WallClock(
      year: Int(fields.tm_year) + 1900, month: Int(fields.tm_mon) + 1, day: Int(fields.tm_mday),
      hour: Int(fields.tm_hour), minute: Int(fields.tm_min), second: Int(fields.tm_sec), secondsFromGMT: offset)
  }

  /// `localtime_r` may skip reading `TZ`; `tzset` once makes it current.
  private static let readTimeZoneSetting: Void = tzset()
}
