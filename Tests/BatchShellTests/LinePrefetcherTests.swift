import Foundation
import Testing

@testable import BatchShell

@Suite struct LinePrefetcherTests {
  /// Every item up to and including the end of input (or the first error).
  private func items(_ lines: LinePrefetcher) async -> [Result<LinePrefetcher.Item, LineEditorError>] {
    var result: [Result<LinePrefetcher.Item, LineEditorError>] = []
    while true {
      do {
        let item = try await lines.next()
        result.append(.success(item))
        if item.event == .endOfFile { return result }
      } catch {
        result.append(.failure(error))
        return result
      }
    }
  }

  private func item(_ event: LineEditorEvent, _ number: Int) -> Result<LinePrefetcher.Item, LineEditorError> {
    .success(LinePrefetcher.Item(event: event, lineNumber: number))
  }

  @Test func deliversEveryEventInOrderWithItsLineNumber() async throws {
    let directory = TemporaryDirectory()
    let path = directory.write("script", Array("get a\n\nabcdefghijkl\nlist".utf8))
    let lines = LinePrefetcher(reader: try PlainLineReader(path: path, lineLimit: 5), capacity: 1)
    defer { lines.stop() }
    let expected = [
      item(.line("get a"), 1), item(.line(""), 2), item(.tooLong(lineNumber: 3), 3), item(.line("list"), 4),
      item(.endOfFile, 4),
    ]
    let actual = await items(lines)
    #expect(actual == expected, "\(actual)")
    #expect(try await lines.next().event == .endOfFile, "the end of input is answered again")
  }

  @Test("a long script passes through a small queue whole and in order", arguments: [1, 7, 1024])
  func longScriptThroughASmallQueue(capacity: Int) async throws {
    let count = 20_000
    let directory = TemporaryDirectory()
    let path = directory.write("script", Array((0..<count).map { "get batch-\($0)\n" }.joined().utf8))
    let lines = LinePrefetcher(reader: try PlainLineReader(path: path), capacity: capacity)
    defer { lines.stop() }
    let events = await items(lines).map { try? $0.get() }
    #expect(events.count == count + 1)
    let wrong = (0..<count).first {
      events[$0] != LinePrefetcher.Item(event: .line("get batch-\($0)"), lineNumber: $0 + 1)
    }
    #expect(wrong == nil, "first line out of place: \(String(describing: wrong))")
    #expect(events.last??.event == .endOfFile)
  }

  @Test func aLineFromAPipeArrivesWhileThePipeStaysOpen() async throws {
    let (lines, writer) = try pipeLines()
    _ = write(writer, "get a\n", 6)
    #expect(try await lines.next() == LinePrefetcher.Item(event: .line("get a"), lineNumber: 1))
    _ = write(writer, "list\n", 5)
    close(writer)
    #expect(try await lines.next() == LinePrefetcher.Item(event: .line("list"), lineNumber: 2))
    #expect(try await lines.next().event == .endOfFile)
  }

  /// A prefetcher on a new pipe, whose reader has a descriptor of its own (closed once the reading thread is done
  /// with it), and the pipe's write end.
  private func pipeLines() throws -> (lines: LinePrefetcher, writer: Int32) {
    var fds: [Int32] = [0, 0]
    #expect(pipe(&fds) == 0)
    defer { close(fds[0]) }
    return (LinePrefetcher(reader: try PlainLineReader(path: "/dev/fd/\(fds[0])")), fds[1])
  }

  @Test func stopDropsWaitingLines() async throws {
    let (lines, writer) = try pipeLines()
    defer { close(writer) }  // the reading thread's last read returns, and the thread ends
    _ = write(writer, "get a\nlist\n", 11)
    #expect(try await lines.next().event == .line("get a"))
    lines.stop()
    #expect(try await lines.next() == LinePrefetcher.Item(event: .endOfFile, lineNumber: 1))
    #expect(try await lines.next().event == .endOfFile, "and so is every later call")
  }

  @Test func stopAnswersAWaitingCallerWithTheEndOfInput() async throws {
    let (lines, writer) = try pipeLines()
    defer { close(writer) }
    let waiting = Task { try await lines.next() }
    let deadline = ContinuousClock.now + .seconds(10)
    while !lines.hasWaitingCaller && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(2)) }
    #expect(lines.hasWaitingCaller)
    lines.stop()
    #expect(try await waiting.value == LinePrefetcher.Item(event: .endOfFile, lineNumber: 0))
  }

  @Test func aReadErrorIsThrownAndThrownAgain() async throws {
    let directory = TemporaryDirectory()
    // A directory opens for reading, but read(2) on it fails with EISDIR.
    let lines = LinePrefetcher(reader: try PlainLineReader(path: directory.path))
    defer { lines.stop() }
    await #expect(throws: LineEditorError(code: EISDIR)) { try await lines.next() }
    await #expect(throws: LineEditorError(code: EISDIR)) { try await lines.next() }
  }
}
