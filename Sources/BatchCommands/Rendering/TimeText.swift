import Foundation

/// Formats times for people: ages (`5m ago`), time left (`in 3h 12m`), absolute dates, byte counts.
public enum TimeText {
  /// How long ago `date` was: `12s ago`, `5m ago`, `3h ago`, `2d ago`, `1y ago`; `in 5m` for a future date.
  public static func age(of date: Date, now: Date) -> String {
    let seconds = now.timeIntervalSince(date)
    if seconds < 0 { return seconds > -60 ? "just now" : "in \(largestUnit(-seconds))" }
    return "\(largestUnit(seconds)) ago"
  }

  /// The time left until `date` in two units (`in 3h 12m`, `in 2d 4h`, `in 45s`), or `passed`.
  public static func remaining(until date: Date, now: Date) -> String {
    let seconds = date.timeIntervalSince(now)
    return seconds <= 0 ? "passed" : "in \(duration(seconds))"
  }

  /// A duration in at most two units: `45s`, `12m`, `3h 12m`, `2d 4h`.
  public static func duration(_ seconds: Double) -> String {
    let total = Int(seconds.rounded(.down))
    let days = total / 86400
    let hours = total % 86400 / 3600
    let minutes = total % 3600 / 60
    if days > 0 { return hours > 0 ? "\(days)d \(hours)h" : "\(days)d" }
    if hours > 0 { return minutes > 0 ? "\(hours)h \(minutes)m" : "\(hours)h" }
    if minutes > 0 { return "\(minutes)m" }
    return "\(total)s"
  }

  /// A date as `2026-03-01 12:00:05 UTC`, or with a numeric offset (`+02:00`) outside UTC.
  public static func absolute(_ date: Date, zone: DisplayZone) -> String {
    let clock = zone.wallClock(at: date)
    var text = padded(clock.year, to: 4) + "-" + padded(clock.month) + "-" + padded(clock.day)
    text += " " + padded(clock.hour) + ":" + padded(clock.minute) + ":" + padded(clock.second)
    let offset = clock.secondsFromGMT
    if offset == 0 { return text + " UTC" }
    let sign = offset < 0 ? "-" : "+"
    return text + " " + sign + padded(abs(offset) / 3600) + ":" + padded(abs(offset) % 3600 / 60)
  }

  /// A size in bytes as `512 B`, `1.2 kB`, `34.5 MB`, `1.1 GB` (decimal units).
  public static func bytes(_ count: Int64) -> String {
    if count < 1000 { return "\(count) B" }
    var value = Double(count)
    for unit in ["kB", "MB", "GB", "TB"] {
      value /= 1000
      if value < 999.95 || unit == "TB" { return oneDecimal(value) + " " + unit }
    }
    return "\(count) B"
  }

  /// A non-negative number with one decimal, rounded half up: `1.2`, `999.9`, `5.0`.
  static func oneDecimal(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return "\(tenths / 10).\(tenths % 10)"
  }

  /// `value` with leading zeros to `width` digits (`7` → `07`); a negative value keeps its sign in front.
  static func padded(_ value: Int, to width: Int = 2) -> String {
    let digits = String(value.magnitude)
    let zeros = String(repeating: "0", count: max(0, width - digits.count))
    return (value < 0 ? "-" : "") + zeros + digits
  }

  private static func largestUnit(_ seconds: Double) -> String {
    let total = Int(seconds.rounded(.down))
    switch total {
    case ..<60: return "\(total)s"
    case ..<3600: return "\(total / 60)m"
    case ..<86400: return "\(total / 3600)h"
    case ..<(365 * 86400): return "\(total / 86400)d"
    default: return "\(total / (365 * 86400))y"
    }
  }
}
