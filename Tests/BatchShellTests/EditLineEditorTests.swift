import Foundation
import Testing

@testable import BatchShell

/// Drives `EditLineEditor` through a pseudo-terminal. Serialized: signals and counters are process-wide.
@Suite(.serialized) struct EditLineEditorTests {
  /// An editor on a pseudo-terminal. The editor must go first: libedit's `el_end` flushes input and restores
  /// the modes of its descriptor numbers, which another test's terminal could be using by then.
  private final class Session: @unchecked Sendable {
    let terminal: PseudoTerminal
    var editor: EditLineEditor?

    init() throws {
      terminal = try #require(PseudoTerminal())
      let slave = terminal.slave
      editor = EditLineEditor(input: slave, output: slave, error: slave, libeditSignals: false)
    }

    deinit {
      editor = nil
    }
  }

  private let session: Session
  private var terminal: PseudoTerminal { session.terminal }
  private var editor: EditLineEditor { session.editor! }

  init() throws {
    if ProcessInfo.processInfo.environment["TERM"].map({ $0.isEmpty || $0 == "dumb" }) ?? true {
      setenv("TERM", "xterm", 1)
    }
    session = try Session()
    try #require(session.editor != nil)
    editor.completionProvider = ClosureCompletionProvider { context in
      context.words.isEmpty ? ["get", "list", "quit"] : ["batch-aaa1", "batch-aaa2", "batch-bbb"]
    }
  }

  /// Starts `readLine` on a thread; the returned closure waits for its result.
  private func startReading(prompt: String = "bsh> ") -> () -> LineEditorEvent? {
    terminal.clear()
    let result = Locked<LineEditorEvent?>(nil)
    let done = DispatchSemaphore(value: 0)
    let session = session  // keeps the terminal open as long as the thread holds the editor
    Thread {
      let event = try? session.editor?.readLine(prompt: prompt)
      result.withLock { $0 = event }
      done.signal()
    }.start()
    #expect(terminal.waitFor(prompt), "\(terminal.fullTranscript.debugDescription)")
    return {
      guard done.wait(timeout: .now() + 5) == .success else { return nil }
      return result.withLock { $0 }
    }
  }

  // MARK: - Lines and end of file

  @Test func readsATypedLine() {
    let finish = startReading()
    terminal.type("get abc\r")
    #expect(finish() == .line("get abc"), "\(terminal.fullTranscript.debugDescription)")
  }

  @Test func ctrlDOnAnEmptyLineIsEndOfFile() {
    let finish = startReading()
    terminal.type("\u{4}")
    #expect(finish() == .endOfFile, "\(terminal.fullTranscript.debugDescription)")
  }

  @Test func historyIsRecalledWithTheUpArrow() {
    editor.addHistory("list --active")
    let finish = startReading()
    terminal.type("\u{1B}[A\r")
    #expect(finish() == .line("list --active"), "\(terminal.fullTranscript.debugDescription)")
  }

  @Test func keysTypedAheadAreEditedInRawMode() {
    terminal.type("ge")
    usleep(20_000)
    let finish = startReading()
    terminal.type("\t")
    #expect(terminal.waitFor("t "), "\(terminal.fullTranscript.debugDescription)")
    terminal.type("\r")
    #expect(finish() == .line("get "), "\(terminal.fullTranscript.debugDescription)")
  }

  // MARK: - Completion

  @Test func tabInsertsCommonPrefixThenListsOnSecondTab() {
    let finish = startReading()
    terminal.type("ge\t")
    #expect(terminal.waitFor("t "), "\(terminal.fullTranscript.debugDescription)")
    terminal.type("b\t")
    #expect(terminal.waitFor("atch-"), "\(terminal.fullTranscript.debugDescription)")
    terminal.type("\t")
    #expect(terminal.waitFor("batch-aaa1  batch-aaa2  batch-bbb\r\n"), "\(terminal.fullTranscript.debugDescription)")
    terminal.type("b\t\r")
    #expect(finish() == .line("get batch-bbb "), "\(terminal.fullTranscript.debugDescription)")
  }

  // MARK: - Output from other tasks

  @Test func printAboveRedrawsThePromptAndLine() {
    let finish = startReading()
    terminal.type("partial")
    #expect(terminal.waitFor("partial"), "\(terminal.fullTranscript.debugDescription)")
    terminal.clear()
    editor.printAbove("job batch-1 COMPLETED")
    #expect(terminal.waitFor("job batch-1 COMPLETED\r\n"), "\(terminal.fullTranscript.debugDescription)")
    #expect(terminal.waitFor("bsh> partial"), "\(terminal.fullTranscript.debugDescription)")
    terminal.type(" more\r")
    #expect(finish() == .line("partial more"), "\(terminal.fullTranscript.debugDescription)")
  }

  @Test func printAboveWhenIdlePrintsDirectly() {
    terminal.clear()
    editor.printAbove("idle output")
    #expect(terminal.waitFor("idle output\r\n"), "\(terminal.fullTranscript.debugDescription)")
  }

  // MARK: - Interrupts

  @Test func sigintInterruptsTheLineAndIsSeenByTheMonitor() {
    let monitor = InterruptMonitor.shared
    let before = monitor.count
    let finish = startReading()
    terminal.type("abc")
    #expect(terminal.waitFor("abc"), "\(terminal.fullTranscript.debugDescription)")
    kill(getpid(), SIGINT)
    #expect(finish() == .interrupt, "\(terminal.fullTranscript.debugDescription)")
    #expect(terminal.waitFor("^C\r\n"), "\(terminal.fullTranscript.debugDescription)")
    #expect(monitor.count == before + 1)
    let next = startReading()
    terminal.type("fresh\r")
    #expect(next() == .line("fresh"), "\(terminal.fullTranscript.debugDescription)")
  }

  @Test func interruptCancelsAnOperation() async throws {
    let monitor = InterruptMonitor.shared
    let outcome = Task {
      try await monitor.cancellingOnInterrupt {
        try await Task.sleep(for: .seconds(10))
        return "slept"
      }
    }
    try await Task.sleep(for: .milliseconds(100))
    kill(getpid(), SIGINT)
    await #expect(throws: CancellationError.self) { try await outcome.value }
  }
}
