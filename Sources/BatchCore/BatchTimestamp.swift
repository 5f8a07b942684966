import Foundation

/// An ISO-8601 timestamp as the server sent it, with the instant it denotes when it could be parsed.
///
/// The raw text is kept so `--json` output is byte-for-byte what the API returned; `date` is nil for text that
/// is not a timestamp, which is shown as-is rather than treated as an error.
public struct BatchTimestamp: Hashable, Sendable, Codable, CustomStringConvertible {
  public let raw: String
  public let date: Date?

  public init(raw: String) {
    self.raw = raw
    self.date = Self.parse(raw)
  }

  public init(_ date: Date) {
    self.raw = Self.format(date)
    self.date = date
  }

  public init(from decoder: any Decoder) throws {
    self.init(raw: try decoder.singleValueContainer().decode(String.self))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(raw)
  }

  public var description: String { raw }

  // MARK: - Parsing

  /// Parses ISO-8601 with or without fractional seconds, with `Z` or a numeric offset.
  public static func parse(_ text: String) -> Date? {
    if let date = ISO8601Scanner.date(from: text) { return date }
    if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) { return date }
    if let date = try? Date.ISO8601FormatStyle().parse(text) { return date }
    // Timestamps without a zone designator (seen from some servers) are taken as UTC.
    if !text.isEmpty, !text.hasSuffix("Z"), !text.contains("+"), text.count <= 26 {
      if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text + "Z") { return date }
      if let date = try? Date.ISO8601FormatStyle().parse(text + "Z") { return date }
    }
    return nil
  }

  /// Formats a date as ISO-8601 UTC with whole seconds, the way the API writes most timestamps.
  public static func format(_ date: Date) -> String {
    date.formatted(Date.ISO8601FormatStyle())
  }
}
