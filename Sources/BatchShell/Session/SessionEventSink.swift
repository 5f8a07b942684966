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
  private let lastProgressDraw = Locked(Date.distantPast)
  /// Whether the download progress line is on the screen, to be erased when the command ends.
  private let progressShown = Locked(false)
  private let changes = Locked(WatchChangeTracker())

  public init(console: Console, options: OutputOptions) {
    self.console = console
    self.board = LiveJobBoard(console: console)
    self.options = Locked(options)
  }

  /// Sets the options of the command about to run (`--json` changes how events look).
  public func begin(options: OutputOptions) {
    self.options.withLock { $0 = options }
    changes.withLock { $0 = WatchChangeTracker() }
    board.finish()
  }

  /// Ends the command's live output so what follows starts on a fresh line: the download progress line is erased.
  public func end() {
    board.finish()
    let shown = progressShown.withLock { shown in
      defer { shown = false }
      return shown
    }
    if shown { console.printError("\r\u{1B}[2K") }
  }

  public func send(_ event: CommandEvent) {
    let options = self.options.withLock { $0 }
    let renderer = OutputRenderer(options: options, now: Date())
    switch event {
    case .jobUpdated(let job, let progress) where options.isTerminal && !options.json:
      let line = WatchLineRenderer(options: options, now: Date()).render(job, progress: progress)
      board.update(id: job.id, line: line, width: options.width)
    case .jobUpdated(let job, _) where options.json:
      let change = changes.withLock { $0.classify(job) }
      console.write(renderer.render(event: event, change: change))
    case .downloadProgress:
      let now = Date()
      let draw = lastProgressDraw.withLock { last in
        guard now.timeIntervalSince(last) >= 0.1 else { return false }
        last = now
        return true
      }
      guard draw else { return }
      let text = renderer.render(event: event).stderr
      guard !text.isEmpty else { return }
      progressShown.withLock { $0 = true }
      console.printError("\r\u{1B}[2K" + text.trimmingCharacters(in: .newlines))
    case .notice where options.isTerminal && !options.json:
      board.printAbove(renderer.render(event: event).stderr, width: options.width)
    default:
      console.write(renderer.render(event: event))
    }
  }
}
