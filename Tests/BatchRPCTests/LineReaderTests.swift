@testable import BatchRPC
import Foundation
import Testing

/// Reading lines from a descriptor: buffering across reads, limits, the last line, waking.
struct LineReaderTests {
  /// Writes `bytes` into a pipe (then closes it) and reads every line back.
  private func lines(_ bytes: [UInt8], maxLength: Int = 16, chunkSize: Int = 4) -> [LineReader.Line] {
    var fds: [Int32] = [-1, -1]
    #expect(pipe(&fds) == 0)
    let writeEnd = fds[1]
    let writer = Thread {
      bytes.withUnsafeBytes { raw in
        var offset = 0
        while offset < raw.count {
          let count = write(writeEnd, raw.baseAddress! + offset, min(3, raw.count - offset))
          if count <= 0 { break }
          offset += count
        }
      }
      close(writeEnd)
    }
    writer.start()
    let reader = LineReader(fd: fds[0], maxLength: maxLength, chunkSize: chunkSize)
    var result: [LineReader.Line] = []
    while let line = reader.next() { result.append(line) }
    close(fds[0])
    return result
  }

  @Test func splitsLinesAcrossSmallReads() {
    #expect(lines(Array("one\ntwo\n\nthree".utf8)) == [
      .line(Array("one".utf8)), .line(Array("two".utf8)), .line([]), .line(Array("three".utf8)),
    ])
  }

  @Test func dropsLinesOverTheLimitWithoutKeepingThem() {
    let long = String(repeating: "x", count: 100)
    #expect(lines(Array("ok\n\(long)\nafter\n".utf8)) == [
      .line(Array("ok".utf8)), .tooLong(length: 100), .line(Array("after".utf8)),
    ])
    #expect(lines(Array("\(long)".utf8)) == [.tooLong(length: 100)])
  }

  @Test func acceptsALineOfExactlyTheLimit() {
    let exact = String(repeating: "y", count: 16)
    #expect(lines(Array("\(exact)\n\(exact)y\n".utf8)) == [.line(Array(exact.utf8)), .tooLong(length: 17)])
  }

  @Test func readsManyLinesWithTheDefaultBuffer() {
    let text = (0..<10_000).map { "{\"n\":\($0)}" }.joined(separator: "\n") + "\n"
    let read = lines(Array(text.utf8), maxLength: 1 << 20, chunkSize: 64 << 10)
    #expect(read.count == 10_000)
    #expect(read.last == .line(Array("{\"n\":9999}".utf8)))
  }

  @Test func stopsWhenWoken() {
    var input: [Int32] = [-1, -1]
    var wake: [Int32] = [-1, -1]
    #expect(pipe(&input) == 0 && pipe(&wake) == 0)
    let reader = LineReader(fd: input[0], wakeFD: wake[0])
    var byte: UInt8 = 1
    _ = write(wake[1], &byte, 1)
    #expect(reader.next() == nil)
    for fd in input + wake { close(fd) }
  }
}
