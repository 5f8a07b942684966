import Foundation
import Testing

/// `batchsh --sim` in a real terminal (tmux), with its own history file, and helpers to type and wait.
final class ReplDriver: Sendable {
  static let prompt = "batchsh[sim]>"
  let tmux: TmuxSession
  let home: TemporaryDirectory

  private init(tmux: TmuxSession, home: TemporaryDirectory) {
    self.tmux = tmux
    self.home = home
  }

  /// Starts the shell on the built-in simulator and waits for its first prompt.
  static func start() async throws -> ReplDriver {
    let home = try TemporaryDirectory("repl")
    let environment = [
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": home.path, "TERM": "xterm",
      "LANG": "C.UTF-8", "NO_COLOR": "1", "BATCHSH_HISTORY": home.file("history"),
      "XDG_STATE_HOME": home.file("state"),
    ]
    let tmux: TmuxSession
    do {
      tmux = try await TmuxSession([Binaries.batchsh, "--sim", "--sim-speed", "1"], environment: environment)
    } catch {
      home.remove()
      throw error
    }
    let driver = ReplDriver(tmux: tmux, home: home)
    guard try await driver.expectScreen("the first prompt appears", timeout: 60, { Self.isAtPrompt($0) }) else {
      driver.close()
      throw HarnessError("batchsh --sim showed no prompt")
    }
    return driver
  }

  func close() {
    tmux.close()
    home.remove()
  }

  /// Whether the screen ends with an empty prompt.
  static func isAtPrompt(_ screen: String) -> Bool {
    lastLine(screen).trimmingCharacters(in: .whitespaces) == prompt
  }

  static func lastLine(_ screen: String) -> String {
    screen.split(separator: "\n").last.map(String.init) ?? ""
  }

  /// Waits until `condition` holds for the screen; records a failure naming `what`, with the screen, if it never does.
  @discardableResult
  func expectScreen(_ what: String, timeout: Double = 30, sourceLocation: SourceLocation = #_sourceLocation,
    _ condition: (String) -> Bool) async throws -> Bool
  {
    if try await tmux.waitFor(timeout: timeout, condition) { return true }
    let screen = try await tmux.screen()
    Issue.record("\(what); the screen:\n\(screen)", sourceLocation: sourceLocation)
    return false
  }

  /// Presses Ctrl-C to drop the typed line and waits for a fresh empty prompt, so nothing is typed ahead of it.
  func clearLine(sourceLocation: SourceLocation = #_sourceLocation) async throws {
    try await tmux.press("C-c")
    try await expectScreen("Ctrl-C shows a fresh prompt", sourceLocation: sourceLocation) { Self.isAtPrompt($0) }
  }

  /// Types `line`, presses Enter and waits until `done` holds and an empty prompt is back; returns the screen.
  @discardableResult
  func run(_ line: String, until done: @escaping (String) -> Bool = { _ in true }) async throws -> String {
    try await tmux.type(line)
    try await tmux.press("Enter")
    try await expectScreen("'\(line)' finishes") {
      done($0) && Self.isAtPrompt($0) && $0.contains("\(Self.prompt) \(line)")
    }
    return try await tmux.screen()
  }

  /// Runs `list` and returns the job ids and statuses it shows, newest first.
  func listJobs() async throws -> [(id: String, status: String)] {
    let screen = try await run("list") { $0.contains("ID ") && $0.contains("STATUS") }
    return screen.split(separator: "\n").compactMap { line in
      let words = line.split(separator: " ")
      guard words.count > 2, words[0].hasPrefix("batch-") else { return nil }
      return (String(words[0]), String(words[1]))
    }
  }
}
