import BatchCommands
import BatchCore
import Testing

@testable import BatchShell

@Suite struct SessionEventSinkTests {
  private static let progress = CommandEvent.downloadProgress(
    path: "/x", progress: DownloadProgress(bytes: 500_000, total: 2_000_000))

  /// A sink on a terminal (`terminal`) or not, with a command begun, writing to a capture.
  private static func sink(
    terminal: Bool = true, terminalWidth: (@Sendable () -> Int?)? = nil
  ) -> (SessionEventSink, ConsoleCapture) {
    let capture = ConsoleCapture()
    var options = OutputOptions.plain
    options.isTerminal = terminal
    let sink = SessionEventSink(console: capture.console, options: options, terminalWidth: terminalWidth)
    sink.begin(options: options)
    return (sink, capture)
  }

  @Test("the download progress line is erased when the command ends, so its output starts on a clean line")
  func progressLineIsErasedAtTheEnd() {
    let (sink, capture) = Self.sink()
    sink.send(Self.progress)
    sink.end()
    capture.console.print("Saved 2.0 MB to /x.\n")
    #expect(capture.text == "\r\u{1B}[2Kdownloading… 500.0 kB of 2.0 MB (25%)\r\u{1B}[2KSaved 2.0 MB to /x.\n")
    sink.end()
    #expect(capture.text.hasSuffix("/x.\n"), "nothing left to erase at the end of the next command")
  }

  @Test("after a command that failed, the progress line stays, to show how far it got")
  func progressLineStaysAfterAFailure() {
    let (sink, capture) = Self.sink()
    sink.send(Self.progress)
    sink.end(failed: true)
    #expect(capture.text == "\r\u{1B}[2Kdownloading… 500.0 kB of 2.0 MB (25%)\n")
  }

  @Test("live lines take the terminal's width at each event, so a resize during a watch is followed")
  func liveLinesFollowTheTerminalsWidth() {
    let width = Locked(200)
    let (sink, capture) = Self.sink(terminalWidth: { width.withLock { $0 } })
    let job = BatchJob(id: "batch-abe758c2-e1c9-608f-a583-6d25d0c1e906", status: .inProgress, progress: 60)
    sink.send(.jobUpdated(job, progress: nil))
    #expect(capture.text.hasSuffix("\(job.id)  IN_PROGRESS  ██████░░░░  60%\n"))
    width.withLock { $0 = 60 }
    sink.send(.jobUpdated(job, progress: nil))
    #expect(capture.text.hasSuffix("\r\u{1B}[2A\u{1B}[J\(job.id)  IN_PROGRESS  ███░░  60%\n"),
      "the 72-column line drawn at 200 takes 2 rows at 60; the new one has half a bar")
    width.withLock { $0 = 30 }
    sink.send(.jobUpdated(job, progress: nil))
    #expect(capture.text.hasSuffix("\r\u{1B}[3A\u{1B}[J\(job.id)  IN_PROGRESS  ███░░  60%\n"),
      "the 67-column line takes 3 rows at 30")
  }

  @Test func withoutATerminalThereIsNoProgressLineToErase() {
    let (sink, capture) = Self.sink(terminal: false)
    sink.send(Self.progress)
    sink.end()
    #expect(capture.text.isEmpty)
  }
}
