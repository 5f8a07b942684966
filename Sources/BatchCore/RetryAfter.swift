import Foundation

/// Reads how long a server asked the client to wait from `retry-after-ms` and `Retry-After` headers.
public enum RetryAfter {
  /// Returns seconds to wait, or nil when no header says.
  ///
  /// `retry-after-ms` (milliseconds) wins over `Retry-After`, which may be seconds (`"2"`, `"1.5"`) or an
  /// HTTP date (`"Wed, 21 Oct 2026 07:28:00 GMT"`), measured from `now`.
  public static func seconds(retryAfterMS: String?, retryAfter: String?, now: Date = Date()) -> Double? {
    if let text = retryAfterMS?.trimmingCharacters(in: .whitespaces), let ms = Double(text), ms.isFinite, ms >= 0 {
      return ms / 1000
    }
    guard let text = retryAfter?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
    if let seconds = Double(text), seconds.isFinite { return max(seconds, 0) }
    if let date = httpDate(text) { return max(date.timeIntervalSince(now), 0) }
    return nil
  }

  /// Parses an IMF-fixdate (RFC 9110), the one HTTP date format servers send today.
  static func httpDate(_ text: String) -> Date? {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
      formatter.dateFormat = format
      if let date = formatter.date(from: text) { return date }
    }
    return nil
  }
}
