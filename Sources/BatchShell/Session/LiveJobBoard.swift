import BatchCommands
import BatchCore
import Foundation

/// Keeps one line per watched job on a terminal and redraws them in place as jobs change.
///
/// Lines are drawn below whatever was printed before; each update moves the cursor up over the board, clears it,
/// rewrites every line and leaves the cursor below it. Notices are printed above the board. A line wider
/// than the terminal takes several rows, and the cursor goes up over all of them.
final class LiveJobBoard: Sendable {
  private struct State {
    var order: [String] = []
    var lines: [String: String] = [:]
    var drawnRows = 0
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
      guard state.drawnRows > 0 else { return console.printError(text) }
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
    var text = (state.drawnRows > 0 ? "\r\u{1B}[\(state.drawnRows)A" : "\r") + "\u{1B}[J"
    if let above {
      text += above.hasSuffix("\n") ? above : above + "\n"
    }
    var rows = 0
    for id in state.order {
      let line = state.lines[id] ?? ""
      text += line + "\n"
      rows += Self.rows(of: line, width: width)
    }
    state.drawnRows = rows
    return text
  }

  /// The terminal rows a line takes: its columns, colour codes aside, over the terminal's width, rounded up.
  static func rows(of line: String, width: Int?) -> Int {
    guard let width, width > 0 else { return 1 }
    return max(1, (TerminalText.width(line) + width - 1) / width)
  }
}
