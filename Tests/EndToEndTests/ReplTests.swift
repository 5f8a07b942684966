import Foundation
import Testing

/// The interactive shell in a real terminal (tmux): history, completion, Ctrl-C, Ctrl-D and the history file.
@Suite(.enabled(if: TmuxSession.isAvailable, "tmux is not installed (scripts/test installs it)"))
struct ReplTests {
  static let prompt = ReplDriver.prompt

  @Test func upRecallsTheLastLineAndCtrlCClearsTheTypedLine() async throws {
    let repl = try await ReplDriver.start()
    defer { repl.close() }
    let jobs = try await repl.listJobs()
    #expect(jobs.count == 25, "the simulator's seeded jobs")
    try await repl.tmux.press("Up")
    try await repl.expectScreen("Up recalls 'list'") { ReplDriver.lastLine($0) == "\(Self.prompt) list" }
    try await repl.tmux.press("C-c")
    try await repl.expectScreen("Ctrl-C leaves the typed line and shows a fresh prompt") { screen in
      let lines = screen.split(separator: "\n")
      return ReplDriver.isAtPrompt(screen) && lines.dropLast().last?.hasPrefix("\(Self.prompt) list") == true
    }
    try await Task.sleep(for: .milliseconds(300))
    #expect(ReplDriver.isAtPrompt(try await repl.tmux.screen()), "the cleared line did not run")
  }

  @Test func tabCompletesCommandsAndJobIDs() async throws {
    let repl = try await ReplDriver.start()
    defer { repl.close() }
    let ids = try await repl.listJobs().map(\.id)
    try #require(ids.count >= 3)

    try await repl.tmux.type("canc")
    try await repl.tmux.press("Tab")
    try await repl.expectScreen("canc+Tab completes") { ReplDriver.lastLine($0) == "\(Self.prompt) cancel" }
    try await repl.clearLine()

    let target = ids[ids.count / 2]
    var length = "batch-".count + 2
    while ids.filter({ $0.hasPrefix(target.prefix(length)) }).count > 1 { length += 1 }
    try await repl.tmux.type("get \(target.prefix(length))")
    try await repl.tmux.press("Tab")
    try await repl.expectScreen("an id prefix+Tab completes the id") {
      ReplDriver.lastLine($0).hasPrefix("\(Self.prompt) get \(target)")
    }
    try await repl.clearLine()

    try await repl.tmux.type("get batch-")
    try await repl.tmux.press("Tab")
    try await repl.tmux.press("Tab")
    try await repl.expectScreen("Tab Tab lists the candidates in columns") { screen in
      screen.split(separator: "\n").contains { $0.components(separatedBy: "batch-").count > 3 }
    }
    try await repl.clearLine()
  }

  @Test func ctrlCStopsAWatchWithoutCancellingTheJob() async throws {
    let repl = try await ReplDriver.start()
    defer { repl.close() }
    try await repl.tmux.type("watch --active --interval 0.2")
    try await repl.tmux.press("Enter")
    var active = ""
    let watching = try await repl.expectScreen("the watch shows live lines") { screen in
      let lines = screen.split(separator: "\n")
      guard let line = lines.first(where: { $0.hasPrefix("batch-") && $0.contains("IN_PROGRESS") }) else {
        return false
      }
      active = String(line.prefix { $0 != " " })
      return true
    }
    try #require(watching)
    try await repl.tmux.press("C-c")
    try await repl.expectScreen("Ctrl-C returns to the prompt") { ReplDriver.isAtPrompt($0) }
    let card = try await repl.run("get \(active)") { $0.contains("Status ") }
    let status = card.split(separator: "\n").last { $0.hasPrefix("Status ") } ?? ""
    #expect(status.contains("IN_PROGRESS"), "the job was not cancelled: \(status)")
  }

  @Test func helpErrorsCtrlDAndTheHistoryFile() async throws {
    let repl = try await ReplDriver.start()
    defer { repl.close() }
    try await repl.run("help") { $0.contains("Commands:") && $0.contains("download") }
    try await repl.run("frobnicate") { $0.contains("error:") && $0.contains("frobnicate") }
    try await repl.run(" list --status FAILED") { $0.contains("FAILED  ") }
    try await repl.run("list --limit 1") { $0.contains("ID ") }
    try await repl.tmux.press("C-d")
    try await repl.expectScreen("Ctrl-D leaves with status 0") { $0.contains("[exited 0]") }

    let path = repl.home.file("history")
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect((attributes[.posixPermissions] as? Int).map { $0 & 0o777 } == 0o600)
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
      .map { $0.replacingOccurrences(of: "\\040", with: " ") }
    #expect(lines.contains("help") && lines.contains("frobnicate") && lines.contains("list --limit 1"), "\(lines)")
    #expect(!lines.contains { $0.contains("FAILED") }, "a line with a leading space is not saved: \(lines)")
  }
}
