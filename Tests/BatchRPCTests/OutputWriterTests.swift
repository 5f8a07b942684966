@testable import BatchRPC
import Foundation
import Testing

/// The single writer: whole lines, in order, all written by `finish()`, and a broken pipe noticed once.
@Suite(.timeLimit(.minutes(1))) struct OutputWriterTests {
  @Test func writesWholeLinesFromManyTasksInQueueOrderPerTask() async throws {
    var fds: [Int32] = [-1, -1]
    #expect(pipe(&fds) == 0)
    let readEnd = fds[0]
    let reader = Task {
      await onOwnThread { () -> [String] in
        var lines: [String] = []
        let reader = LineReader(fd: readEnd)
        while case .line(let bytes)? = reader.next() { lines.append(String(decoding: bytes, as: UTF8.self)) }
        return lines
      }
    }
    let writer = OutputWriter(fd: fds[1])
    writer.start()
    await withTaskGroup(of: Void.self) { group in
      for task in 0..<8 {
        group.addTask {
          for index in 0..<500 { writer.enqueue(Array("\(task):\(index):\(String(repeating: "x", count: index))".utf8)) }
        }
      }
    }
    await writer.finish()
    close(fds[1])
    let lines = await reader.value
    close(readEnd)
    #expect(lines.count == 8 * 500)
    for task in 0..<8 {
      let mine = lines.filter { $0.hasPrefix("\(task):") }.map { $0.split(separator: ":") }
      #expect(mine.map { Int($0[1])! } == Array(0..<500))
      #expect(mine.allSatisfy { Int($0[1])! == ($0.count > 2 ? $0[2].count : 0) })
    }
  }

  @Test func reportsABrokenPipeOnceAndDropsTheRest() async throws {
    signal(SIGPIPE, SIG_IGN)
    var fds: [Int32] = [-1, -1]
    #expect(pipe(&fds) == 0)
    close(fds[0])
    let (failures, continuation) = AsyncStream<Int32>.makeStream()
    let writer = OutputWriter(fd: fds[1]) { continuation.yield($0) }
    writer.start()
    writer.enqueue(Array("one".utf8))
    var iterator = failures.makeAsyncIterator()
    #expect(await iterator.next() == EPIPE)
    writer.enqueue(Array("two".utf8))
    await writer.finish()
    close(fds[1])
  }
}
