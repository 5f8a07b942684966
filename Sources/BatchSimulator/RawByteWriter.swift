/// Appends bytes to raw memory the caller has sized, for the file generator's inner loop.
///
/// `ByteBuffer`'s own writes check capacity and exclusive access on every call; at twenty-odd small writes per
/// JSONL line they were most of the simulator's time when it served a large file. The caller guarantees room for
/// everything written (`FileContentGenerator` reserves more than a chunk plus its longest line); debug builds check.
struct RawByteWriter {
  private let start: UnsafeMutableRawPointer
  private let end: UnsafeMutableRawPointer
  private var position: UnsafeMutableRawPointer

  init(_ memory: UnsafeMutableRawBufferPointer) {
    start = memory.baseAddress!
    end = start + memory.count
    position = start
  }

  /// Checks, in debug builds, that `count` more bytes fit.
  @inline(__always)
  private func checkRoom(_ count: Int) {
    assert(count <= end - position, "RawByteWriter overflow: \(count) bytes, \(end - position) left")
  }

  /// Bytes written so far.
  var count: Int { position - start }

  /// The bytes written so far.
  var written: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: start, count: count) }

  /// Moves back to `count` bytes, dropping what was written after.
  mutating func rewind(to count: Int) {
    position = start + count
  }

  mutating func write(_ bytes: UnsafeRawBufferPointer) {
    guard let base = bytes.baseAddress else { return }
    checkRoom(bytes.count)
    position.copyMemory(from: base, byteCount: bytes.count)
    position += bytes.count
  }

  mutating func write(_ text: StaticString) {
    checkRoom(text.utf8CodeUnitCount)
    position.copyMemory(from: text.utf8Start, byteCount: text.utf8CodeUnitCount)
    position += text.utf8CodeUnitCount
  }

  mutating func write(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { write($0) }
  }

  /// Writes again `count` bytes already written at `offset`.
  mutating func writeCopy(of offset: Int, count: Int) {
    checkRoom(count)
    position.copyMemory(from: start + offset, byteCount: count)
    position += count
  }

  mutating func write(repeating byte: UInt8, count: Int) {
    checkRoom(count)
    position.initializeMemory(as: UInt8.self, repeating: byte, count: count)
    position += count
  }

  /// Writes an integer in decimal.
  mutating func writeDecimal(_ value: Int) {
    if value < 0 { write("-") }
    writeDigits(value.magnitude, radix: 10)
  }

  /// Writes `"req-…"`: a request id in base 36, quoted.
  mutating func writeRequestID(_ value: UInt64) {
    write("\"req-")
    writeDigits(UInt(value), radix: 36)
    write("\"")
  }

  /// Digits of `value`, written backwards into a scratch area and copied forwards; `radix` is a constant at each
  /// call site once inlined, so the divisions become multiplications.
  @inline(__always)
  private mutating func writeDigits(_ value: UInt, radix: UInt) {
    var scratch: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    let length = withUnsafeMutableBytes(of: &scratch) { digits in
      var rest = value
      var index = digits.count
      repeat {
        let digit = UInt8(truncatingIfNeeded: rest % radix)
        index -= 1
        digits[index] = digit < 10 ? UInt8(ascii: "0") &+ digit : UInt8(ascii: "a") &+ digit &- 10
        rest /= radix
      } while rest > 0
      let length = digits.count - index
      checkRoom(length)
      position.copyMemory(from: digits.baseAddress! + index, byteCount: length)
      return length
    }
    position += length
  }
}
