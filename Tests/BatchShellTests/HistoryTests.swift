import Foundation
import Testing

@testable import BatchShell

@Suite struct HistoryTests {
  /// A history in a temporary directory, with warnings captured.
  private final class Fixture {
    let directory = TemporaryDirectory()
    var warnings: [String] = []
    var path: String { directory.path + "/state/batchsh/history" }

    func history(limit: Int = History.defaultLimit, secrets: [String] = []) -> History {
      let history = History(path: path, limit: limit, secrets: secrets) { [unowned self] in warnings.append($0) }
      history.load()
      return history
    }

    func fileEntries() throws -> [String] {
      try HistoryFileFormat.parse(Array(FileManager.default.contents(atPath: path) ?? Data()))
    }
  }

  // MARK: - Location

  @Test func defaultPathFollowsTheEnvironment() {
    #expect(History.defaultPath(environment: ["BATCHSH_HISTORY": "/tmp/h", "HOME": "/home/u"]) == "/tmp/h")
    #expect(History.defaultPath(environment: ["BATCHSH_HISTORY": "/dev/null", "HOME": "/home/u"]) == nil)
    #expect(History.defaultPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/home/u"]) == "/s/batchsh/history")
    #expect(History.defaultPath(environment: ["XDG_STATE_HOME": "rel", "HOME": "/home/u"])
      == "/home/u/.local/state/batchsh/history")
    #expect(History.defaultPath(environment: ["HOME": "/home/u"]) == "/home/u/.local/state/batchsh/history")
  }

  @Test func devNullDisablesSavingButKeepsMemory() {
    let history = History(path: History.defaultPath(environment: ["BATCHSH_HISTORY": "/dev/null"]))
    history.load()
    #expect(history.add("get a"))
    #expect(history.entries == ["get a"])
    #expect(!history.isPersistent)
  }

  // MARK: - Saving

  @Test func savesEachLineWithPrivateModes() throws {
    let fixture = Fixture()
    let history = fixture.history()
    #expect(history.add("get batch-1"))
    #expect(try fixture.fileEntries() == ["get batch-1"])
    #expect(fixture.directory.mode("state/batchsh/history") == 0o600)
    #expect(fixture.directory.mode("state/batchsh") == 0o700)
    #expect(fixture.warnings.isEmpty)
  }

  @Test func tightensAnExistingWideFile() throws {
    let fixture = Fixture()
    mkdir(fixture.directory.path + "/state", 0o755)
    mkdir(fixture.directory.path + "/state/batchsh", 0o755)
    fixture.directory.write("state/batchsh/history", HistoryFileFormat.render(["list"]), mode: 0o644)
    let history = fixture.history()
    #expect(history.entries == ["list"])
    #expect(fixture.directory.mode("state/batchsh/history") == 0o600)
    chmod(fixture.path, 0o644)
    history.add("get x")
    #expect(fixture.directory.mode("state/batchsh/history") == 0o600)
    #expect(try fixture.fileEntries() == ["list", "get x"])
  }

  @Test func reloadsWhatWasSaved() throws {
    let fixture = Fixture()
    let first = fixture.history()
    for line in ["get a", "list --active", "watch a b"] { first.add(line) }
    #expect(fixture.history().entries == ["get a", "list --active", "watch a b"])
  }

  @Test func capsEntriesAndCompactsTheFile() throws {
    let fixture = Fixture()
    let history = fixture.history(limit: 10)
    for index in 1...25 { history.add("get \(index)") }
    #expect(history.entries == (16...25).map { "get \($0)" })
    #expect(try fixture.fileEntries().count <= 20)
    #expect(try fixture.fileEntries().suffix(10) == ArraySlice((16...25).map { "get \($0)" }))
    #expect(fixture.history(limit: 10).entries == history.entries)
  }

  @Test func keepsOneThousandByDefault() {
    let history = History(path: nil)
    for index in 1...1_005 { history.add("get \(index)") }
    #expect(history.entries.count == 1_000)
    #expect(history.entries.first == "get 6")
  }

  // MARK: - Filtering

  @Test func dropsConsecutiveDuplicatesBlankAndSpacePrefixedLines() {
    let history = History(path: nil)
    #expect(history.add("list"))
    #expect(!history.add("list"))
    #expect(!history.add("list  "))
    #expect(!history.add(" get secret-ish"))
    #expect(!history.add("   "))
    #expect(!history.add(""))
    #expect(history.add("get a"))
    #expect(history.add("list"))
    #expect(history.entries == ["list", "get a", "list"])
  }

  @Test(arguments: [
    "export TOGETHER_API_KEY=abc",
    "set header Authorization: Bearer abc",
    "curl -H 'Bearer xyz'",
    "use sk-proj-abcdefghijklmnopqrstuvwxyz",
    "key tgp_v1_abcdefghijklmnopqrstu",
    "get 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
    "token=xyz",
    "get my-real-key-value",
  ])
  func dropsSecretLines(line: String) {
    let history = History(path: nil, secrets: ["my-real-key-value"])
    #expect(!history.add(line))
    #expect(history.entries.isEmpty)
  }

  @Test(arguments: [
    "get batch-0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b",
    "download file-abc123def456ghi789 --output /home/user/projects/batch/results2024.jsonl",
    "list --status COMPLETED,FAILED --limit 20",
    "get batch_job_abc123def456",
  ])
  func keepsOrdinaryLines(line: String) {
    #expect(HistoryFilter.accepts(line, secrets: ["x"]))
  }

  // MARK: - Bad files

  @Test func corruptFileWarnsAndIsLeftAlone() throws {
    let fixture = Fixture()
    mkdir(fixture.directory.path + "/state", 0o700)
    mkdir(fixture.directory.path + "/state/batchsh", 0o700)
    fixture.directory.write("state/batchsh/history", Array("not a history file\n".utf8))
    let history = fixture.history()
    #expect(fixture.warnings.count == 1)
    #expect(fixture.warnings.first?.contains("not a libedit history file") == true)
    #expect(history.add("get a"))
    #expect(fixture.directory.read("state/batchsh/history") == Array("not a history file\n".utf8))
  }

  @Test func unreadableFileWarns() {
    let fixture = Fixture()
    mkdir(fixture.directory.path + "/state", 0o700)
    mkdir(fixture.directory.path + "/state/batchsh", 0o700)
    mkdir(fixture.path, 0o700)  // a directory where the file should be
    let history = fixture.history()
    #expect(fixture.warnings.count == 1)
    #expect(!history.isPersistent)
  }

  @Test func writeErrorWarnsOnce() {
    let fixture = Fixture()
    let history = fixture.history()
    history.add("first")
    unlink(fixture.path)
    mkdir(fixture.path, 0o700)  // appending now fails
    history.add("second")
    history.add("third")
    #expect(fixture.warnings.count == 1)
    #expect(history.entries == ["first", "second", "third"])
  }
}
