/// Reads and writes libedit's history file format, so `H_LOAD`/`H_SAVE` and other libedit programs agree.
///
/// The file starts with a `_HiStOrY_V2_` line, then one entry per line encoded with BSD `strvis(3)` as
/// libedit does (`VIS_WHITE`): space, tab, newline and backslash as octal (`\040`, `\011`, `\012`,
/// `\134`), other control characters as `\^X` (`\^?` for DEL); UTF-8 text is written as is. Decoding
/// accepts everything `strunvis(3)` produces: octal, `\^X`, `\M-x`, `\M^X`, C escapes and `\\`.
enum HistoryFileFormat {
  // MARK: - Errors

  /// The file does not start with the libedit header.
  struct MissingHeader: Error {}

  static let header = "_HiStOrY_V2_"

  // MARK: - Whole files

  /// Parses a history file into entries, oldest first; an empty file has none.
  static func parse(_ bytes: [UInt8]) throws(MissingHeader) -> [String] {
    var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    if lines.last?.isEmpty == true { lines.removeLast() }
    guard let first = lines.first else { return [] }
    guard first.elementsEqual(header.utf8) else { throw MissingHeader() }
    return lines.dropFirst().map(decode)
  }

  /// Renders a whole file: header then entries, oldest first.
  static func render(_ entries: [String]) -> [UInt8] {
    var bytes = Array((header + "\n").utf8)
    for entry in entries { bytes += encode(entry) + [0x0A] }
    return bytes
  }

  // MARK: - One entry

  /// Encodes one entry (without the line's newline).
  static func encode(_ entry: String) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(entry.utf8.count)
    for byte in entry.utf8 {
      switch byte {
      case 0x20, 0x09, 0x0A, 0x5C:
        output += [0x5C, 0x30 + (byte >> 6), 0x30 + ((byte >> 3) & 7), 0x30 + (byte & 7)]
      case 0x7F:
        output += Array("\\^?".utf8)
      case 0x00..<0x20:
        output += [0x5C, 0x5E, byte + 0x40]
      default:
        output.append(byte)
      }
    }
    return output
  }

  /// Decodes one encoded line; malformed escapes are kept literally and invalid UTF-8 becomes U+FFFD.
  static func decode(_ line: some Collection<UInt8>) -> String {
    let input = Array(line)
    var output: [UInt8] = []
    output.reserveCapacity(input.count)
    var index = 0
    while index < input.count {
      let byte = input[index]
      index += 1
      guard byte == 0x5C, index < input.count else {
        output.append(byte)
        continue
      }
      output += unescape(input, at: &index)
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// Decodes the escape after a backslash, advancing `index` past it.
  private static func unescape(_ input: [UInt8], at index: inout Int) -> [UInt8] {
    func next() -> UInt8? {
      guard index < input.count else { return nil }
      defer { index += 1 }
      return input[index]
    }
    let first = input[index]
    switch first {
    case 0x30...0x37:  // up to three octal digits
      var value = 0
      var digits = 0
      while digits < 3, index < input.count, (0x30...0x37).contains(input[index]) {
        value = value * 8 + Int(input[index] - 0x30)
        index += 1
        digits += 1
      }
      return [UInt8(truncatingIfNeeded: value)]
    case 0x5E:  // \^X
      index += 1
      guard let character = next() else { return [0x5C, 0x5E] }
      return [character == 0x3F ? 0x7F : character & 0x1F]
    case 0x4D:  // \M-x or \M^X
      index += 1
      guard let kind = next(), let character = next() else { return [0x5C, 0x4D] }
      if kind == 0x2D { return [character | 0x80] }
      if kind == 0x5E { return [(character == 0x3F ? 0x7F : character & 0x1F) | 0x80] }
      return [0x5C, 0x4D, kind, character]
    default:
      index += 1
      let table: [UInt8: UInt8] = [
        0x6E: 0x0A, 0x74: 0x09, 0x72: 0x0D, 0x62: 0x08, 0x61: 0x07, 0x76: 0x0B, 0x66: 0x0C, 0x73: 0x20, 0x45: 0x1B,
      ]
      if first == 0x0A { return [] }  // hidden newline
      return [table[first] ?? first]
    }
  }
}
