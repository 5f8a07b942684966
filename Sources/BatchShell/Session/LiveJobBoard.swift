import BatchCommands
import BatchCore
import Foundation

/// Keeps one line per watched job on a terminal and redraws them in place as jobs change.
///
/// Lines are drawn below whatever was printed before; each update moves the cursor up over the board, clears it,
/// rewrites every line and leaves the cursor below it. Notices are printed above the board. A line wider
/// than the terminal takes several rows, and the cursor goes up over all of them: counted at the terminal's width at
/// the time of the redraw, as a terminal that reflows its lines on a resize shows them.
final class LiveJobBoard: Sendable {
  private struct State {
    var order: [String] = []
    var lines: [String: String] = [:]
    /// The lines as last drawn, in order.
    var drawn: [String] = []
  }

  private let console: Console
  private let state = Locked(State())

  init(console: Console) {
    self.console = console
  }

  /// Updates the job's line and redraws the board on a terminal `width` columns wide (nil: unknown, a row a line).
  func update(id: String, line: String, width: Int?) {
    state.withLock { state in
      if state.lines[id] == nil { state.order.append(id) }
      state.lines[id] = line
      console.print(redraw(&state, above: nil, width: width))
    }
  }

  /// Prints text (ending in a newline) above the board and redraws the board below it.
  func printAbove(_ text: String, width: Int?) {
    state.withLock { state in
      guard !state.drawn.isEmpty else { return console.printError(text) }
      console.print(redraw(&state, above: text, width: width))
    }
  }

  /// Forgets the board, so the next output starts below it.
  func finish() {
    state.withLock { $0 = State() }
  }

  /// Goes up over the board, clears from there to the end of the screen (every row of a wrapped line too), then
  /// writes the text above and each line.
  private func redraw(_ state: inout State, above: String?, width: Int?) -> String {
    let rows = state.drawn.reduce(0) { $0 + Self.rows(of: $1, width: width) }
    var text = (rows > 0 ? "\r\u{1B}[\(rows)A" : "\r") + "\u{1B}[J"
    if let above {
      text += above.hasSuffix("\n") ? above : above + "\n"
    }
    state.drawn = state.order.map { state.lines[$0] ?? "" }
    for line in state.drawn { text += line + "\n" }
    return text
  }

  /// The terminal rows a line takes: its columns, colour codes aside, over the terminal's width, rounded up.
  static func rows(of line: String, width: Int?) -> Int {
    guard let width, width > 0 else { return 1 }
    return max(1, (TerminalText.width(line) + width - 1) / width)
  }
}
