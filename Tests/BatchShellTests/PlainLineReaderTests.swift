import Foundation
import Testing

@testable import BatchShell

@Suite struct PlainLineReaderTests {
  /// Reads every event from `bytes` written to a file.
  private func events(_ bytes: [UInt8], lineLimit: Int = PlainLineReader.defaultLineLimit) throws
    -> [LineEditorEvent]
  {
    let directory = TemporaryDirectory()
    let reader = try PlainLineReader(path: directory.write("input", bytes), lineLimit: lineLimit)
    var result: [LineEditorEvent] = []
    while true {
      let event = try reader.next()
      result.append(event)
      if event == .endOfFile { return result }
    }
  }

  // MARK: - Line endings

  @Test func readsLinesWithLFAndCRLF() throws {
    let expected: [LineEditorEvent] = [.line("get a"), .line("list"), .line(""), .line("quit"), .endOfFile]
    #expect(try events(Array("get a\r\nlist\n\nquit\n".utf8)) == expected)
  }

  @Test func lastLineWithoutNewline() throws {
    #expect(try events(Array("one\ntwo".utf8)) == [.line("one"), .line("two"), .endOfFile])
    #expect(try events(Array("solo\r".utf8)) == [.line("solo"), .endOfFile])
  }

  @Test func emptyInput() throws {
    #expect(try events([]) == [.endOfFile])
  }

  // MARK: - Bad input

  @Test func invalidUTF8BecomesReplacementCharacters() throws {
    let expected: [LineEditorEvent] = [.line("a\u{FFFD}\u{FFFD}"), .line("é"), .endOfFile]
    #expect(try events([0x61, 0xFF, 0xC3, 0x0A, 0xC3, 0xA9, 0x0A]) == expected)
  }

  @Test func binaryJunkDoesNotCrash() throws {
    var generator = SystemRandomNumberGenerator()
    let junk = (0..<200_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
    let result = try events(junk)
    #expect(result.last == .endOfFile)
    #expect(result.count == junk.filter { $0 == 0x0A }.count + (junk.last == 0x0A ? 1 : 2))
  }

  // MARK: - Long lines

  @Test func tooLongLineIsSkippedAndReadingGoesOn() throws {
    let long = [UInt8](repeating: 0x78, count: (1 << 20) + 5)
    let input = Array("first\n".utf8) + long + Array("\nnext\n".utf8)
    #expect(try events(input) == [.line("first"), .tooLong(lineNumber: 2), .line("next"), .endOfFile])
  }

  @Test func lineOfExactlyTheLimitIsFine() throws {
    let line = [UInt8](repeating: 0x79, count: 1 << 20)
    #expect(try events(line + [0x0A]) == [.line(String(repeating: "y", count: 1 << 20)), .endOfFile])
  }

  @Test func tooLongLastLineWithoutNewline() throws {
    let input = Array("a\n".utf8) + [UInt8](repeating: 0x7A, count: 100)
    #expect(try events(input, lineLimit: 10) == [.line("a"), .tooLong(lineNumber: 2), .endOfFile])
  }

  @Test func tooLongLinesInsideOneBuffer() throws {
    let expected: [LineEditorEvent] = [.tooLong(lineNumber: 1), .line("ok"), .endOfFile]
    #expect(try events(Array("abcdefghijkl\nok\n".utf8), lineLimit: 4) == expected)
  }

  // MARK: - Pipes and counting

  @Test func readsFromAPipeInSmallPieces() throws {
    var fds: [Int32] = [0, 0]
    #expect(pipe(&fds) == 0)
    let writer = fds[1]
    let thread = Thread {
      for piece in ["ge", "t a\r", "\nli", "st\n", "tail"] {
        _ = piece.withCString { write(writer, $0, strlen($0)) }
        usleep(2_000)
      }
      close(writer)
    }
    thread.start()
    let reader = PlainLineReader(fileDescriptor: fds[0])
    defer { close(fds[0]) }
    #expect(try reader.next() == .line("get a"))
    #expect(try reader.next() == .line("list"))
    #expect(try reader.next() == .line("tail"))
    #expect(reader.lineNumber == 3)
    #expect(try reader.next() == .endOfFile)
  }

  @Test func manyLines() throws {
    let count = 200_000
    let input = Array((0..<count).map { "get batch-\($0)\n" }.joined().utf8)
    let result = try events(input)
    #expect(result.count == count + 1)
    #expect(result[count - 1] == .line("get batch-\(count - 1)"))
  }

  @Test func missingFileThrows() {
    #expect(throws: LineEditorError(code: ENOENT)) { try PlainLineReader(path: "/nonexistent/batchsh-script") }
  }
}
