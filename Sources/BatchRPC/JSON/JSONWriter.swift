import BatchCommands

/// Writes JSON values as compact UTF-8 for protocol lines: object keys sorted, no slashes escaped, never a newline.
///
/// Writing bytes directly is several times faster than `JSONEncoder` for `JSONValue` and gives a stable key order.
/// Non-finite numbers, which JSON cannot hold, are written as `null`.
enum JSONWriter {
  /// The JSON text of a value.
  static func bytes(_ value: JSONValue) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(256)
    write(value, into: &output)
    return output
  }

  /// Appends a value's JSON text.
  static func write(_ value: JSONValue, into output: inout [UInt8]) {
    switch value {
    case .null: output.append(contentsOf: "null".utf8)
    case .bool(let on): output.append(contentsOf: (on ? "true" : "false").utf8)
    case .integer(let integer): output.append(contentsOf: String(integer).utf8)
    case .number(let number): writeNumber(number, into: &output)
    case .string(let text): writeString(text, into: &output)
    case .array(let elements):
      output.append(UInt8(ascii: "["))
      for (offset, element) in elements.enumerated() {
        if offset > 0 { output.append(UInt8(ascii: ",")) }
        write(element, into: &output)
      }
      output.append(UInt8(ascii: "]"))
    case .object(let members):
      output.append(UInt8(ascii: "{"))
      for (offset, key) in members.keys.sorted().enumerated() {
        if offset > 0 { output.append(UInt8(ascii: ",")) }
        writeString(key, into: &output)
        output.append(UInt8(ascii: ":"))
        write(members[key]!, into: &output)
      }
      output.append(UInt8(ascii: "}"))
    }
  }

  /// Appends a number: integral values within ±2^53 without a fraction, others in Swift's shortest round-trip form.
  static func writeNumber(_ number: Double, into output: inout [UInt8]) {
    guard number.isFinite else {
      output.append(contentsOf: "null".utf8)
      return
    }
    if number == number.rounded(), abs(number) < 9_007_199_254_740_992 {
      output.append(contentsOf: String(Int64(number)).utf8)
    } else {
      output.append(contentsOf: number.description.utf8)
    }
  }

  /// Appends a string in double quotes, escaping quotes, backslashes and control characters.
  static func writeString(_ text: String, into output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    var text = text
    text.withUTF8 { utf8 in
      var runStart = 0
      for (offset, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F {
        output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<offset]))
        appendEscape(byte, into: &output)
        runStart = offset + 1
      }
      output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
    }
    output.append(UInt8(ascii: "\""))
  }

  private static func appendEscape(_ byte: UInt8, into output: inout [UInt8]) {
    output.append(UInt8(ascii: "\\"))
    switch byte {
    case 0x22: output.append(UInt8(ascii: "\""))
    case 0x5C: output.append(UInt8(ascii: "\\"))
    case 0x0A: output.append(UInt8(ascii: "n"))
    case 0x0D: output.append(UInt8(ascii: "r"))
    case 0x09: output.append(UInt8(ascii: "t"))
    case 0x08: output.append(UInt8(ascii: "b"))
    case 0x0C: output.append(UInt8(ascii: "f"))
    default:
      let hex = Array("0123456789abcdef".utf8)
      output.append(contentsOf: "u00".utf8)
      output.append(hex[Int(byte >> 4)])
      output.append(hex[Int(byte & 0x0F)])
    }
  }
}
