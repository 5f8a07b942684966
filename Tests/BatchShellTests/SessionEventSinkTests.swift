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

  @Test func withoutATerminalThereIsNoProgressLineToErase() {
    let capture = ConsoleCapture()
    let sink = SessionEventSink(console: capture.console, options: .plain)
    sink.begin(options: .plain)
    sink.send(Self.progress)
    sink.end()
    #expect(capture.text.isEmpty)
  }
}
