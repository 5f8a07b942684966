import Foundation

/// Extracts the server's message from an error body in any of the API's three shapes.
///
/// Shapes: `{"error": "text"}`, `{"error": {"message", "type", "param", "code"}}` and
/// `{"message", "code", "details": [{"detail"}]}`. Anything else yields nil.
enum APIErrorBody {
  private struct Body: Decodable {
    var error: ErrorField?
    var message: String?
    var details: [Detail]?
  }

  private enum ErrorField: Decodable {
    case text(String)
    case object(message: String?, type: String?)

    init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if let text = try? container.decode(String.self) {
        self = .text(text)
        return
      }
      let object = try container.decode(ErrorObject.self)
      self = .object(message: object.message, type: object.type)
    }
  }

  private struct ErrorObject: Decodable {
    var message: String?
    var type: String?
  }

  private struct Detail: Decodable {
    var detail: String?
  }

  /// The message in `data`, made printable and cut to a sensible length, or nil when the body is not an error shape.
  static func message(from data: some Collection<UInt8>) -> String? {
    guard let body = try? JSONDecoder().decode(Body.self, from: Data(data)) else { return nil }
    var text: String?
    switch body.error {
    case .text(let message): text = message
    case .object(let message, let type): text = message ?? type
    case nil:
      let details = (body.details ?? []).compactMap(\.detail).filter { !$0.isEmpty }
      if let message = body.message {
        text = details.isEmpty ? message : "\(message): \(details.joined(separator: "; "))"
      } else if !details.isEmpty {
        text = details.joined(separator: "; ")
      }
    }
    // Server text may reach a terminal: control characters and escape sequences become spaces (SPEC §8).
    guard let text else { return nil }
    let printable = excerpt(text.utf8, limit: 500)
    return printable.isEmpty ? nil : printable
  }

  /// The first bytes of a body as printable text, for error messages about bodies that are not JSON.
  static func excerpt(_ data: some Collection<UInt8>, limit: Int = 120) -> String {
    let text = String(decoding: data.prefix(limit * 4), as: UTF8.self)
    var out = ""
    for scalar in text.unicodeScalars {
      if out.unicodeScalars.count >= limit { out += "…"; break }
      let category = scalar.properties.generalCategory
      out.unicodeScalars.append(category == .control || category == .format ? " " : scalar)
    }
    return out.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
  }
}
