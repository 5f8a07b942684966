import NIOCore
import Testing

@testable import BatchSimulator

/// Numbers written straight into a buffer read the same as `String(_:radix:)` makes them.
@Suite struct ByteBufferDigitsTests {
  @Test(arguments: [0, 7, 10, 42, -1, -305, 1_795_953_625, Int.max, Int.min])
  func decimalMatchesString(value: Int) {
    var buffer = ByteBufferAllocator().buffer(capacity: 32)
    buffer.writeDecimal(value)
    #expect(String(buffer: buffer) == String(value))
  }

  @Test(arguments: [UInt(0), 35, 36, 1_296, UInt.max])
  func base36MatchesString(value: UInt) {
    var buffer = ByteBufferAllocator().buffer(capacity: 32)
    buffer.writeDigits(value, radix: 36)
    #expect(String(buffer: buffer) == String(value, radix: 36))
  }
}
