import BatchCommands
import Testing

@Suite struct CommandTableTests {
  let table = CommandTable.standard

  @Test func holdsTheSpecCommandsInOrder() {
    #expect(table.commands.map(\.name) == ["get", "list", "cancel", "watch", "download", "help", "set", "quit"])
    #expect(table.command(named: "exit")?.name == "quit")
  }

  @Test func frontEndsSeeWhatTheyOffer() {
    #expect(table.names(for: .rpc) == ["get", "show", "list", "ls", "cancel", "watch", "download", "help"])
    #expect(table.commands(for: .script).map(\.name).contains("quit"))
    #expect(table.command(named: "quit", for: .oneShot) == nil)
    #expect(table.names(for: .script).suffix(3) == ["set", "quit", "exit"])
    #expect(table.command(named: "set", for: .oneShot) == nil && table.command(named: "set", for: .rpc) == nil)
  }

  @Test func specParamsAreDeclared() throws {
    let expected: [String: [String]] = [
      "get": ["id"], "list": ["status", "active", "limit"], "cancel": ["ids"],
      "watch": ["ids", "active", "interval", "timeout", "exit_status", "fail_fast", "bell"],
      "download": ["id", "output", "errors", "force"], "help": ["command"], "set": ["setting", "value"],
      "quit": [],
    ]
    for command in table.commands {
      #expect(command.params.map(\.name) == expected[command.name], "params of \(command.name)")
    }
    let watch = try #require(table.command(named: "watch"))
    #expect(watch.usage == "watch [ID…] [--active] [--interval SECONDS] [--timeout SECONDS] [--exit-status] "
      + "[--fail-fast] [--bell]")
    #expect(watch.param(flag: "--exit-status")?.name == "exit_status")
    #expect(watch.param(flag: "-i")?.name == "interval")
  }

  @Test func completionSourcesFollowFromKinds() throws {
    let download = try #require(table.command(named: "download"))
    #expect(download.params.map(\.completion) == [.jobIDs, .filePaths, .none, .none])
    #expect(table.command(named: "list")?.param(named: "status")?.completion == .statusNames)
    #expect(table.command(named: "help")?.param(named: "command")?.completion == .commandNames)
    #expect(table.command(named: "set")?.params.map(\.completion) == [.choices, .choices])
    #expect(table.flagSpellings(of: download) == ["--output", "-o", "--errors", "--force", "-f", "--json", "--help",
      "-h"])
  }

  @Test func everyCommandIsDocumented() {
    for command in table.commands {
      #expect(!command.summary.isEmpty && command.summary.hasSuffix("."))
      #expect(!command.examples.isEmpty, "\(command.name) has no example")
      for example in command.examples {
        let words = example.line.split(separator: " ").map(String.init)
        #expect(throws: Never.self, "example '\(example.line)' must parse") {
          try InvocationParser(frontEnd: .repl).parse(words)
        }
      }
      for param in command.params { #expect(!param.summary.isEmpty) }
    }
  }

  @Test func suggestsTheNearestName() {
    #expect(table.nearest(to: "cancle", for: .repl) == "cancel")
    #expect(table.nearest(to: "exti", for: .repl) == "exit")
    #expect(table.nearest(to: "exti", for: .rpc) == nil)
  }
}
