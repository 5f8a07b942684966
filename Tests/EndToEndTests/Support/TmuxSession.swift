import Foundation

/// A program running in a detached tmux session on a private tmux server, driven by keys and read by screen captures.
///
/// The program runs under `/bin/sh`, which prints `[exited N]` when it ends and keeps the pane open, so tests can
/// see how it exited.
final class TmuxSession: Sendable {
  let folder: TemporaryDirectory
  private let tmux: String
  private var socket: String { folder.file("tmux.sock") }

  /// Whether tmux is installed (scripts/test installs it).
  static var isAvailable: Bool { Binaries.onPath("tmux") != nil }

  /// Starts `command` with exactly `environment`, in a `width`×`height` window.
  init(_ command: [String], environment: [String: String], width: Int = 200, height: Int = 50) async throws {
    tmux = Binaries.onPath("tmux") ?? "tmux"
    folder = try TemporaryDirectory("tmux")
    let variables = environment.map { "\($0.key)=\($0.value)" }.sorted()
    let script = #""$0" "$@"; echo "[exited $?]"; exec sleep 3600"#
    // The first client forks the tmux server: spawn it cleanly so the server holds none of our descriptors.
    let status = try await CleanSpawn.run(
      [tmux, "-S", folder.file("tmux.sock"), "-f", "/dev/null", "new-session", "-d", "-s", "e2e",
       "-x", String(width), "-y", String(height), "/usr/bin/env", "-i"] + variables + ["/bin/sh", "-c", script]
        + command, environment: Self.environment)
    guard status == 0 else {
      folder.remove()
      throw HarnessError("tmux new-session failed with status \(status)")
    }
  }

  /// Kills the tmux server and removes its folder.
  func close() {
    let kill = try? ChildProcess(tmux, ["-S", socket, "kill-server"], environment: Self.environment)
    let deadline = Date().addingTimeInterval(10)
    while kill?.isRunning == true, Date() < deadline { usleep(10_000) }
    folder.remove()
  }

  /// Types `text` literally (no key names).
  func type(_ text: String) async throws {
    try await run(["send-keys", "-t", "e2e", "-l", text])
  }

  /// Presses keys by tmux name: `Enter`, `Up`, `Tab`, `C-c`, `C-d`.
  func press(_ keys: String...) async throws {
    try await run(["send-keys", "-t", "e2e"] + keys)
  }

  /// The visible screen, one string, trailing blank lines dropped.
  func screen() async throws -> String {
    let result = try await run(["capture-pane", "-p", "-t", "e2e"])
    return result.out.replacingOccurrences(of: "\\n+$", with: "", options: .regularExpression)
  }

  /// The last non-blank line on screen.
  func lastLine() async throws -> String {
    try await screen().split(separator: "\n").last.map(String.init) ?? ""
  }

  /// Polls the screen until `condition` holds (returns true) or `timeout` seconds pass (returns false).
  func waitFor(timeout: Double = 30, _ condition: (String) -> Bool) async throws -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    repeat {
      if condition(try await screen()) { return true }
      try await Task.sleep(for: .milliseconds(50))
    } while Date() < deadline
    return condition(try await screen())
  }

  // MARK: - Private

  private static let environment = [
    "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "TERM": "xterm", "LANG": "C.UTF-8",
  ]

  @discardableResult
  private func run(_ arguments: [String]) async throws -> ProcessResult {
    try await ChildProcess(tmux, ["-S", socket] + arguments, environment: Self.environment).finish(timeout: 30)
  }
}
