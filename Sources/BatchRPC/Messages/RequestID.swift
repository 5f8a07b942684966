import BatchCommands

/// The `id` of a JSON-RPC request, kept exactly as the client wrote it so responses echo it byte for byte.
///
/// A number id stays its JSON text (`1` stays `1`, `1.5` stays `1.5`, `1e3` stays `1e3`); a string id is kept
/// decoded and written back escaped. `null` is a valid id too (JSON-RPC 2.0 allows it, though it discourages it), and
/// is what errors carry when a message's id cannot be read.
public enum RequestID: Hashable, Sendable, CustomStringConvertible {
  case string(String)
  /// A number, as its JSON text.
  case number(String)
  case null

  // MARK: - JSON

  /// The id as JSON text, ready to splice into a message.
  public var jsonText: String {
    switch self {
    case .string(let text):
      var bytes: [UInt8] = []
      JSONWriter.writeString(text, into: &bytes)
      return String(decoding: bytes, as: UTF8.self)
    case .number(let text): return text
    case .null: return "null"
    }
  }

  /// Appends the id's JSON text to a message being written.
  func write(into bytes: inout [UInt8]) {
    switch self {
    case .string(let text): JSONWriter.writeString(text, into: &bytes)
    case .number(let text): bytes.append(contentsOf: text.utf8)
    case .null: bytes.append(contentsOf: "null".utf8)
    }
  }

  public var description: String { jsonText }

  // MARK: - Matching

  /// Whether a cancellation's id (`$/cancelRequest {"id"}`, `notifications/cancelled {"requestId"}`) names this id.
  ///
  /// Strings match exactly; numbers match by value, so a request sent as `1.0` is cancelled by `1`.
  func matches(_ value: JSONValue) -> Bool {
    switch (self, value) {
    case (.string(let text), .string(let other)): return text == other
    case (.number(let text), .integer(let other)): return Double(text) == Double(other)
    case (.number(let text), .number(let other)): return Double(text) == other
    default: return false
    }
  }
}
