import Foundation
import NIOCore

/// The JSON form of fault rules used by `/_sim/faults`.
///
/// `{"path":"/v1/batches","method":"GET","kind":"status","status":503,"count":2}`; kind-specific keys:
/// `status` (status, html), `retry_after` and `retry_after_ms` (rate-limit), `seconds` (delay, stall), `bytes` (cut);
/// `count` absent means 1, `"always"` or a number below 1 means every request until cleared.
extension FaultRule: Decodable {
  private enum Keys: String, CodingKey {
    case path, method, kind, count, status, seconds, bytes
    case retryAfter = "retry_after"
    case retryAfterMs = "retry_after_ms"
  }

  /// A number of seconds: absent, or finite and not below 0 (a negative one would crash the sleep, an infinite one
  /// the header).
  private static func seconds(_ key: Keys, in c: KeyedDecodingContainer<Keys>) throws -> Double? {
    guard let seconds = try c.decodeIfPresent(Double.self, forKey: key) else { return nil }
    guard seconds >= 0, seconds.isFinite else {
      throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "\(key.rawValue) must be 0 or more")
    }
    return seconds
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: Keys.self)
    let name = try c.decode(String.self, forKey: .kind)
    var kind: FaultKind
    do {
      kind = try FaultKind(name: name, argument: nil)
    } catch {
      throw DecodingError.dataCorruptedError(forKey: .kind, in: c, debugDescription: error.description)
    }
    switch kind {
    case .status: kind = .status(try c.decodeIfPresent(Int.self, forKey: .status) ?? 500)
    case .html: kind = .html(try c.decodeIfPresent(Int.self, forKey: .status) ?? 502)
    case .delay: kind = .delay(try Self.seconds(.seconds, in: c) ?? 2)
    case .stall: kind = .stall(try Self.seconds(.seconds, in: c) ?? 2)
    case .cut: kind = .cut(afterBytes: try c.decodeIfPresent(Int.self, forKey: .bytes) ?? 100)
    case .rateLimit:
      kind = .rateLimit(
        retryAfter: try Self.seconds(.retryAfter, in: c) ?? 1,
        milliseconds: try c.decodeIfPresent(Bool.self, forKey: .retryAfterMs) ?? false)
    default: break
    }
    var count: Int? = 1
    if let number = try? c.decodeIfPresent(Int.self, forKey: .count) {
      count = number > 0 ? number : nil
    } else if let text = try? c.decodeIfPresent(String.self, forKey: .count) {
      guard text == "always" else {
        throw DecodingError.dataCorruptedError(forKey: .count, in: c, debugDescription: "count: a number or \"always\"")
      }
      count = nil
    }
    self.init(
      path: try c.decodeIfPresent(String.self, forKey: .path) ?? "*",
      method: try c.decodeIfPresent(String.self, forKey: .method), kind: kind, count: count)
  }

  /// Writes the rule as JSON, with its remaining count.
  func write(into buffer: inout ByteBuffer) {
    buffer.writeStaticString("{")
    buffer.writeJSONKey("path")
    buffer.writeJSONString(path)
    if let method {
      buffer.writeStaticString(",")
      buffer.writeJSONKey("method")
      buffer.writeJSONString(method)
    }
    buffer.writeStaticString(",")
    buffer.writeJSONKey("kind")
    buffer.writeJSONString(kind.name)
    switch kind {
    case .status(let code), .html(let code):
      buffer.writeStaticString(",\"status\":")
      buffer.writeDecimal(code)
    case .rateLimit(let seconds, let ms):
      buffer.writeStaticString(",\"retry_after\":")
      buffer.writeJSONNumber(seconds)
      buffer.writeStaticString(ms ? ",\"retry_after_ms\":true" : ",\"retry_after_ms\":false")
    case .delay(let seconds), .stall(let seconds):
      buffer.writeStaticString(",\"seconds\":")
      buffer.writeJSONNumber(seconds)
    case .cut(let bytes):
      buffer.writeStaticString(",\"bytes\":")
      buffer.writeDecimal(bytes)
    default: break
    }
    buffer.writeStaticString(",\"count\":")
    if let count { buffer.writeDecimal(count) } else { buffer.writeStaticString("\"always\"") }
    buffer.writeStaticString("}")
  }
}
