/// Checks job and file ids before any request is made (SPEC §8).
public enum IDValidator {
  /// The longest id accepted.
  public static let maxLength = 256

  /// Returns the id unchanged when it is acceptable, or throws `BatchError.invalidID` saying why not.
  @discardableResult
  public static func validate(_ id: String) throws(BatchError) -> String {
    if id.isEmpty { throw .invalidID(id, reason: "an id cannot be empty") }
    if isPlainASCII(id) { return id }
    if id.unicodeScalars.count > maxLength { throw .invalidID(id, reason: "longer than \(maxLength) characters") }
    for scalar in id.unicodeScalars {
      if scalar == "/" { throw .invalidID(id, reason: "an id cannot contain '/'") }
      if scalar.properties.isWhitespace { throw .invalidID(id, reason: "an id cannot contain whitespace") }
      if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format {
        throw .invalidID(id, reason: "an id cannot contain control characters")
      }
    }
    if id == "." || id == ".." { throw .invalidID(id, reason: "not an id") }
    return id
  }

  /// Whether the id is short printable ASCII without `/` and is not `.` or `..`: every real id, accepted without
  /// the Unicode property lookups below.
  private static func isPlainASCII(_ id: String) -> Bool {
    let utf8 = id.utf8
    guard utf8.count <= maxLength, id != ".", id != ".." else { return false }
    return allBytes(of: id) { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "/") }
  }

  /// Whether every UTF-8 byte of `text` passes `test`: over the string's own storage when it has one (a string
  /// made in Swift always does), several times quicker than stepping through its `utf8` view.
  private static func allBytes(of text: String, _ test: (UInt8) -> Bool) -> Bool {
    text.utf8.withContiguousStorageIfAvailable { $0.allSatisfy(test) } ?? text.utf8.allSatisfy(test)
  }

  /// Percent-encodes an already validated id for use as one path segment.
  public static func pathSegment(_ id: String) -> String {
    // Real ids (`batch-…`, `file-…`) are all unreserved characters: returned as they are, with no copy.
    guard !allBytes(of: id, isUnreserved) else { return id }
    var out = ""
    for byte in id.utf8 {
      if isUnreserved(byte) {
        out.unicodeScalars.append(Unicode.Scalar(byte))
      } else {
        out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
      }
    }
    return out
  }

  /// RFC 3986's unreserved characters: letters, digits, `-`, `_`, `.` and `~`.
  private static func isUnreserved(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
      UInt8(ascii: "~"):
      return true
    default:
      return false
    }
  }
}
