import BatchCommands
import BatchCore
import Foundation

/// Shows a running command's events in a line front end: live lines on a terminal, one line per change otherwise.
///
/// With `--json` every job change is an NDJSON line on stdout (see ``WatchJSONLine``). Download progress is drawn
/// on one line of stderr, and only on a terminal.
public final class SessionEventSink: CommandEventSink {
  private let console: Console
  private let board: LiveJobBoard
  private let options: Locked<OutputOptions>
  private let progressLine = Locked(ProgressLine())
  private let changes = Locked(WatchChangeTracker())
  /// The terminal's width now, read at each event so a resize during a watch is followed; nil keeps the options'.
  private let terminalWidth: (@Sendable () -> Int?)?

  /// The download progress line: when it was last drawn, and whether it is on the screen.
  private struct ProgressLine {
    var lastDraw = Date.distantPast
    var shown = false
  }

  public init(console: Console, options: OutputOptions, terminalWidth: (@Sendable () -> Int?)? = nil) {
    self.console = console
    self.board = LiveJobBoard(console: console)
    self.options = Locked(options)
    self.terminalWidth = terminalWidth
  }

  /// Sets the options of the command about to run (`--json` changes how events look).
  public func begin(options: OutputOptions) {
    self.options.withLock { $0 = options }
    changes.withLock { $0 = WatchChangeTracker() }
    board.finish()
  }

  /// Ends the command's live output so what follows starts on a fresh line. The download progress line is erased
  /// after a command that succeeded, and kept, to show how far it got, after one that `failed`.
  public func end(failed: Bool = false) {
    board.finish()
    progressLine.withLock { line in
      if line.shown { console.printError(failed ? "\n" : "\r\u{1B}[2K") }
      line = ProgressLine()
    }
  }

  public func send(_ event: CommandEvent) {
    let options = self.options.withLock { $0 }
    let renderer = OutputRenderer(options: options, now: Date())
    switch event {
    case .jobUpdated(let job, let progress) where options.isTerminal && !options.json:
      let live = liveOptions(options)
      let line = WatchLineRenderer(options: live, now: Date()).render(job, progress: progress)
      board.update(id: job.id, line: line, width: live.width)
    case .jobUpdated(let job, _) where options.json:
      let change = changes.withLock { $0.classify(job) }
      console.write(renderer.render(event: event, change: change))
    case .downloadProgress:
      let now = Date()
      progressLine.withLock { line in
        guard now.timeIntervalSince(line.lastDraw) >= 0.1 else { return }
        line.lastDraw = now
        let text = renderer.render(event: event).stderr
        guard !text.isEmpty else { return }
        line.shown = true
        console.printError("\r\u{1B}[2K" + text.trimmingCharacters(in: .newlines))
      }
    case .notice where options.isTerminal && !options.json:
      board.printAbove(renderer.render(event: event).stderr, width: liveOptions(options).width)
    default:
      console.write(renderer.render(event: event))
    }
  }

  /// The options with the terminal's width as it is now (the line runner renders each command's output with it).
  func liveOptions(_ options: OutputOptions) -> OutputOptions {
    var options = options
    if let width = terminalWidth?() { options.width = width }
    return options
  }
}
