import Foundation

/// Small JSON helpers over `JSONSerialization`, for checking the shapes the binaries print.
enum JSON {
  /// Parses `text` as a JSON object, or nil.
  static func object(_ text: some StringProtocol) -> [String: Any]? {
    try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) as? [String: Any]
  }

  /// Parses `text` as a JSON array of objects, or nil.
  static func array(_ text: some StringProtocol) -> [[String: Any]]? {
    try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]]
  }

  /// Encodes a dictionary or array as JSON bytes.
  static func data(_ value: Any) -> Data {
    (try? JSONSerialization.data(withJSONObject: value)) ?? Data()
  }
}
