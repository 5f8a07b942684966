import BatchCommands
import Testing

@Suite struct HelpRendererTests {
  @Test func overviewListsWhatTheFrontEndOffers() {
    #expect(HelpRenderer(frontEnd: .repl).overview() == """
      Commands:
        get ID                 Show one job. (also: show)
        list                   List jobs, newest first. (also: ls)
        cancel ID…             Ask the server to cancel jobs.
        watch [ID…]            Follow jobs until they finish.
        download ID            Save a job's output or error file.
        help [COMMAND]         Show the commands, or one command's usage and options.
        set [SETTING] [VALUE]  Show or change a setting of this session.
        quit                   Leave the shell. (also: exit)

      Every command accepts --json and -h, --help. Type 'help COMMAND' for a command's
      options and examples.
      """)
    #expect(!HelpRenderer(frontEnd: .oneShot).overview().contains("quit"))
    #expect(!HelpRenderer(frontEnd: .oneShot).overview().contains("set"))
  }

  @Test func listHelpSnapshot() throws {
    let list = try #require(CommandTable.standard.command(named: "list"))
    #expect(HelpRenderer(frontEnd: .repl).help(for: list) == """
      Usage: list [--status S,…] [--active] [--limit N] [--json]

      List jobs, newest first.
      Also: ls

      The server returns every job at once; batchsh sorts them by creation time,
      newest first (jobs without a creation time last), then applies --status,
      --active and --limit in that order.

      Finished states are COMPLETED, FAILED, EXPIRED and CANCELLED; every other state,
      including one batchsh does not know, counts as active.

      Options:
        -s, --status S,…  Only jobs in these states, comma-separated, any case
                          (CANCELING and CANCELLING are the same). One of: VALIDATING,
                          IN_PROGRESS, COMPLETED, FAILED, EXPIRED, CANCELING,
                          CANCELLING, CANCELLED.
        -a, --active      Only jobs that have not finished.
        -n, --limit N     Show at most N jobs, after filtering.
        --json            Print JSON instead of a table.
        -h, --help        Show this command's help.

      Examples:
        list --active
            Jobs still running.
        list --status failed,expired --limit 5
            The five newest jobs that failed or expired.
        list --json
            Every job as a JSON array.
      """)
  }

  @Test func longUsageLinesWrapBetweenFragments() throws {
    let watch = try #require(CommandTable.standard.command(named: "watch"))
    let lines = HelpRenderer(frontEnd: .repl).help(for: watch).split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[0] == "Usage: watch [ID…] [--active] [--interval SECONDS] [--timeout SECONDS]")
    #expect(lines[1] == "       [--exit-status] [--fail-fast] [--bell] [--json]")
    #expect(lines.contains("  -i, --interval SECONDS  Seconds between polls to start with; grows ×1.5 while"))
    #expect(lines.contains("                          nothing changes, up to 60. Default: 5."))
    #expect(lines.allSatisfy { TextWidth.of(String($0)) <= 80 })
  }

  @Test func commandsWithoutResultsDoNotOfferJSON() throws {
    let quit = try #require(CommandTable.standard.command(named: "quit"))
    let help = HelpRenderer(frontEnd: .repl).help(for: quit)
    #expect(help.hasPrefix("Usage: quit\n\nLeave the shell.\nAlso: exit\n"))
    #expect(!help.contains("--json"))
  }

  @Test func everyCommandsHelpNamesEachOfItsParams() {
    let renderer = HelpRenderer(frontEnd: .repl)
    for command in CommandTable.standard.commands {
      let help = renderer.help(for: command)
      for param in command.params {
        #expect(help.contains(param.helpLabel), "help for \(command.name) misses \(param.helpLabel)")
        #expect(help.contains(String(param.summary.prefix(30))), "help for \(command.name) misses a summary")
      }
      #expect(help.split(separator: "\n").allSatisfy { TextWidth.of(String($0)) <= 80 })
    }
  }

  @Test func helpCommandRendersTheSameText() async throws {
    let context = Fixtures.context(api: FakeBatchAPI(), frontEnd: .repl)
    let dispatcher = Dispatcher(context: context)
    let list = try #require(CommandTable.standard.command(named: "list"))
    #expect(try await dispatcher.run(words: ["help", "ls"]) == .help(HelpRenderer(frontEnd: .repl).help(for: list)))
    #expect(try await dispatcher.run(words: ["list", "-h"]) == .help(HelpRenderer(frontEnd: .repl).help(for: list)))
    #expect(try await dispatcher.run(words: ["help"]) == .help(HelpRenderer(frontEnd: .repl).overview()))
  }

  @Test func renderedHelpIsKeptPerFrontEnd() async throws {
    let table = CommandTable.standard
    for _ in 0..<2 {
      for frontEnd in [FrontEnd.repl, .rpc, .oneShot] {
        let dispatcher = Dispatcher(context: Fixtures.context(api: FakeBatchAPI(), frontEnd: frontEnd))
        let expected = HelpRenderer(table: table, frontEnd: frontEnd).overview()
        #expect(try await dispatcher.run(words: ["help"]) == .help(expected), "\(frontEnd)")
      }
    }
    let repl = try await Dispatcher(context: Fixtures.context(api: FakeBatchAPI(), frontEnd: .repl)).run(words: ["help"])
    let rpc = try await Dispatcher(context: Fixtures.context(api: FakeBatchAPI(), frontEnd: .rpc)).run(words: ["help"])
    #expect(repl != rpc, "the REPL's overview lists quit and set; the RPC one does not")
  }
}
