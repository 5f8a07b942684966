import Foundation

/// Encodes values as the JSON text of `--json` output: keys sorted so output is stable, slashes unescaped.
public enum JSONText {
  /// One line of compact JSON (NDJSON events, piped output).
  public static func compact(_ value: some Encodable) -> String {
    encode(value, pretty: false)
  }

  /// Indented JSON for a terminal.
  public static func pretty(_ value: some Encodable) -> String {
    encode(value, pretty: true)
  }

  private static func encode(_ value: some Encodable, pretty: Bool) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    if pretty { encoder.outputFormatting.insert(.prettyPrinted) }
    do {
      return String(decoding: try encoder.encode(value), as: UTF8.self)
    } catch {
      // The types rendered here (jobs, results, JSONValue) always encode; a failure is a bug worth showing.
      return #"{"error":"cannot encode output"}"#
    }
  }
}
