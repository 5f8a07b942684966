import BatchCommands
import BatchCore
import Testing

@testable import BatchShell

@Suite struct SessionEventSinkTests {
  private static let progress = CommandEvent.downloadProgress(
    path: "/x", progress: DownloadProgress(bytes: 500_000, total: 2_000_000))

  @Test("the download progress line is erased when the command ends, so its output starts on a clean line")
  func progressLineIsErasedAtTheEnd() {
    let capture = ConsoleCapture()
    var options = OutputOptions.plain
    options.isTerminal = true
    let sink = SessionEventSink(console: capture.console, options: options)
    sink.begin(options: options)
    sink.send(Self.progress)
    sink.end()
    capture.console.print("Saved 2.0 MB to /x.\n")
    #expect(capture.text == "\r\u{1B}[2Kdownloading… 500.0 kB of 2.0 MB (25%)\r\u{1B}[2KSaved 2.0 MB to /x.\n")
    sink.begin(options: options)
    sink.end()
    #expect(capture.text.hasSuffix("/x.\n"), "nothing to erase after a command that drew no progress")
  }

  @Test("after a command that failed, the progress line stays, to show how far it got")
  func progressLineStaysAfterAFailure() {
    let capture = ConsoleCapture()
    var options = OutputOptions.plain
    options.isTerminal = true
    let sink = SessionEventSink(console: capture.console, options: options)
    sink.begin(options: options)
    sink.send(Self.progress)
    sink.end(failed: true)
    #expect(capture.text == "\r\u{1B}[2Kdownloading… 500.0 kB of 2.0 MB (25%)\n")
  }

  @Test("live lines take the terminal's width at each event, so a resize during a watch is followed")
  func liveLinesFollowTheTerminalsWidth() {
    let capture = ConsoleCapture()
    var options = OutputOptions.plain
    options.isTerminal = true
    options.width = 200
    let width = Locked(200)
    let sink = SessionEventSink(console: capture.console, options: options, terminalWidth: { width.withLock { $0 } })
    let job = BatchJob(id: "batch-abe758c2-e1c9-608f-a583-6d25d0c1e906", status: .inProgress, progress: 60)
    sink.begin(options: options)
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
    let capture = ConsoleCapture()
    let sink = SessionEventSink(console: capture.console, options: .plain)
    sink.begin(options: .plain)
    sink.send(Self.progress)
    sink.end()
    #expect(capture.text.isEmpty)
  }
}
