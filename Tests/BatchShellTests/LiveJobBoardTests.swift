import Foundation
import Testing

@testable import BatchShell

@Suite struct LiveJobBoardTests {
  /// A board on a console that writes to a file, and what it wrote.
  private final class Screen {
    let capture = ConsoleCapture()
    lazy var board = LiveJobBoard(console: capture.console)
    var text: String { capture.text }
  }

  @Test func eachRedrawGoesUpOverTheLinesDrawnBefore() {
    let screen = Screen()
    screen.board.update(id: "a", line: "a 10%", width: 80)
    screen.board.update(id: "b", line: "b 20%", width: 80)
    screen.board.update(id: "a", line: "a 30%", width: 80)
    let up = { (rows: Int) in "\r\u{1B}[\(rows)A\u{1B}[J" }
    #expect(screen.text == "\r\u{1B}[Ja 10%\n" + up(1) + "a 10%\nb 20%\n" + up(2) + "a 30%\nb 20%\n")
  }

  @Test func noticesGoAboveTheBoard() {
    let screen = Screen()
    screen.board.printAbove("note: before any line\n", width: 80)
    screen.board.update(id: "a", line: "a 10%", width: 80)
    screen.board.printAbove("note: slow down\n", width: 80)
    screen.board.update(id: "a", line: "a 20%", width: 80)
    #expect(screen.text == "note: before any line\n" + "\r\u{1B}[Ja 10%\n"
      + "\r\u{1B}[1A\u{1B}[Jnote: slow down\na 10%\n" + "\r\u{1B}[1A\u{1B}[Ja 20%\n")
  }

  @Test("a line wider than the terminal takes several rows, and the cursor goes up over all of them")
  func wrappedLinesCountEveryRow() {
    let screen = Screen()
    let long = String(repeating: "x", count: 100)
    screen.board.update(id: "a", line: long, width: 40)
    screen.board.update(id: "b", line: "\u{1B}[33m" + String(repeating: "y", count: 40) + "\u{1B}[0m", width: 40)
    screen.board.update(id: "a", line: "short", width: 40)
    let colour = "\u{1B}[33m\(String(repeating: "y", count: 40))\u{1B}[0m"
    #expect(screen.text.hasSuffix("\r\u{1B}[4A\u{1B}[Jshort\n\(colour)\n"),
      "3 rows for the 100 columns, 1 for 40 columns of colour; all cleared, so no tail of the long line is left")
    screen.board.update(id: "a", line: "shorter", width: 40)
    #expect(screen.text.hasSuffix("\r\u{1B}[2A\u{1B}[Jshorter\n\(colour)\n"))
  }

  @Test("rows are counted at the width of the redraw, as a terminal that reflows its lines on a resize shows them")
  func rowsFollowAResize() {
    let screen = Screen()
    let long = String(repeating: "x", count: 100)
    screen.board.update(id: "a", line: long, width: 40)
    screen.board.update(id: "a", line: long, width: 100)
    #expect(screen.text.hasSuffix("\r\u{1B}[1A\u{1B}[J\(long)\n"), "one row at 100 columns, not the 3 drawn at 40")
    screen.board.update(id: "a", line: long, width: 30)
    #expect(screen.text.hasSuffix("\r\u{1B}[4A\u{1B}[J\(long)\n"))
  }

  @Test func rowsOfALine() {
    #expect(LiveJobBoard.rows(of: "", width: 80) == 1)
    #expect(LiveJobBoard.rows(of: String(repeating: "x", count: 80), width: 80) == 1)
    #expect(LiveJobBoard.rows(of: String(repeating: "x", count: 81), width: 80) == 2)
    #expect(LiveJobBoard.rows(of: String(repeating: "█", count: 81), width: 80) == 2)
    #expect(LiveJobBoard.rows(of: String(repeating: "x", count: 500), width: nil) == 1)
    #expect(LiveJobBoard.rows(of: String(repeating: "x", count: 500), width: 0) == 1)
    #expect(LiveJobBoard.rows(of: "\u{1B}[1m" + String(repeating: "x", count: 80) + "\u{1B}[0m", width: 80) == 1)
  }
}
