import BatchCommands
import BatchCore
import Foundation

/// Keeps one line per watched job on a terminal and redraws them in place as jobs change.
///
/// Lines are drawn below whatever was printed before; each update moves the cursor up over the board, rewrites every
/// line (clearing what was there) and leaves the cursor below it. Notices are printed above the board.
final class LiveJobBoard: Sendable {
  private struct State {
    var order: [String] = []
    var lines: [String: String] = [:]
    var drawnLines = 0
  }

  private let console: Console
  private let state = Locked(State())

  init(console: Console) {
    self.console = console
  }

  /// Updates the job's line and redraws the board.
  func update(id: String, line: String) {
    state.withLock { state in
      if state.lines[id] == nil { state.order.append(id) }
      state.lines[id] = line
      console.print(redraw(&state, above: nil))
    }
  }

  /// Prints text (ending in a newline) above the board and redraws the board below it.
  func printAbove(_ text: String) {
    state.withLock { state in
      guard state.drawnLines > 0 else { return console.printError(text) }
      console.print(redraw(&state, above: text))
    }
  }

  /// Forgets the board, so the next output starts below it.
  func finish() {
    state.withLock { $0 = State() }
  }

  private func redraw(_ state: inout State, above: String?) -> String {
    var text = state.drawnLines > 0 ? "\r\u{1B}[\(state.drawnLines)A" : "\r"
    if let above {
      for line in above.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
        text += "\u{1B}[2K" + line + "\n"
      }
    }
    for id in state.order {
      text += "\u{1B}[2K" + (state.lines[id] ?? "") + "\n"
    }
    // Clear any leftover line if a notice pushed the board down.
    text += "\u{1B}[J"
    state.drawnLines = state.order.count
    return text
  }
}
