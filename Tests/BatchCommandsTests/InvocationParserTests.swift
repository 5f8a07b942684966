import BatchCommands
import BatchCore
import Testing

@Suite struct InvocationParserTests {
  let parser = InvocationParser(frontEnd: .repl)

  private func parse(_ line: String) throws(CommandError) -> Invocation {
    try parser.parse(line.split(separator: " ").map(String.init))
  }

  // MARK: - Every command

  @Test func getTakesOneID() throws {
    let invocation = try parse("get batch-1")
    #expect(invocation.name == "get")
    #expect(invocation.arguments.string("id") == "batch-1")
    #expect(invocation.arguments.json == false)
  }

  @Test func aliasesResolveToTheCommand() throws {
    #expect(try parse("show batch-1").name == "get")
    #expect(try parse("ls").name == "list")
    #expect(try parse("exit").name == "quit")
    #expect(try parse("LIST").name == "list")
  }

  @Test func listTakesEveryOptionInBothSpellings() throws {
    let spaced = try parse("list --status failed,expired --active --limit 5 --json")
    let joined = try parse("list --status=FAILED,Expired --active --limit=5 --json")
    for invocation in [spaced, joined] {
      #expect(invocation.arguments.statuses("status") == [.failed, .expired])
      #expect(invocation.arguments.flag("active"))
      #expect(invocation.arguments.integer("limit") == 5)
      #expect(invocation.arguments.json)
    }
    let short = try parse("list -s in-progress -a -n 3")
    #expect(short.arguments.statuses("status") == [.inProgress])
    #expect(short.arguments.flag("active"))
    #expect(short.arguments.integer("limit") == 3)
  }

  @Test func listWithoutOptionsHasNoFilters() throws {
    let invocation = try parse("list")
    #expect(invocation.arguments.statuses("status").isEmpty)
    #expect(!invocation.arguments.flag("active"))
    #expect(invocation.arguments.integer("limit") == nil)
  }

  @Test func repeatedStatusOptionsAccumulateAndOtherOptionsKeepTheLast() throws {
    let invocation = try parse("list --status failed --status cancelling,failed --limit 2 --limit 7")
    #expect(invocation.arguments.statuses("status") == [.failed, .cancelling])
    #expect(invocation.arguments.integer("limit") == 7)
  }

  @Test func cancelTakesSeveralIDs() throws {
    #expect(try parse("cancel a b c").arguments.strings("ids") == ["a", "b", "c"])
  }

  @Test func watchTakesIDsFlagsAndDurations() throws {
    let invocation = try parse("watch a b --active --interval 0.5 --timeout 2m --exit-status --fail-fast --bell")
    let arguments = invocation.arguments
    #expect(arguments.strings("ids") == ["a", "b"])
    #expect(arguments.seconds("interval") == 0.5)
    #expect(arguments.seconds("timeout") == 120)
    #expect(arguments.flag("active") && arguments.flag("exit_status") && arguments.flag("fail_fast"))
    #expect(arguments.flag("bell"))
  }

  @Test func watchDefaultsTheIntervalButNotTheTimeout() throws {
    let arguments = try parse("watch a").arguments
    #expect(arguments.seconds("interval") == 5)
    #expect(!arguments.isGiven("interval"))
    #expect(arguments.seconds("timeout") == nil)
  }

  @Test func downloadTakesOutputErrorsAndForce() throws {
    let arguments = try parse("download batch-1 -o /tmp/out.jsonl --errors -f").arguments
    #expect(arguments.string("id") == "batch-1")
    #expect(arguments.string("output") == "/tmp/out.jsonl")
    #expect(arguments.flag("errors") && arguments.flag("force"))
  }

  @Test func helpTakesAnOptionalCommandName() throws {
    #expect(try parse("help").arguments.string("command") == nil)
    #expect(try parse("help ls").arguments.string("command") == "list")
  }

  @Test func quitTakesNothing() throws {
    #expect(try parse("quit").name == "quit")
  }

  // MARK: - Help and the end of flags

  @Test func dashHTurnsAnyCommandIntoItsHelp() throws {
    for line in ["get -h", "get --help", "list --active -h", "cancel --help"] {
      let invocation = try parse(line)
      #expect(invocation.name == "help")
      #expect(invocation.arguments.string("command") == line.split(separator: " ").first.map(String.init))
    }
    #expect(try parse("-h").name == "help")
    #expect(try parse("--help list").arguments.string("command") == "list")
  }

  @Test func doubleDashEndsFlags() throws {
    let invocation = try parser.parse(["cancel", "--", "-odd-id", "--json"])
    #expect(invocation.arguments.strings("ids") == ["-odd-id", "--json"])
    #expect(!invocation.arguments.json)
  }

  @Test func negativeNumbersAreValuesNotFlags() {
    #expect(Fixtures.usageMessage(["list", "--limit", "-5"])
      == "invalid value '-5' for --limit: expected a whole number from 1 to 1000000")
  }

  // MARK: - Mistakes

  @Test(arguments: [
    (["lst"], "unknown command 'lst'; did you mean 'list'? (commands: get, list, cancel, watch, download, help, set, "
        + "quit)"),
    (["list", "--stauts", "failed"],
      "unknown flag '--stauts' for list; did you mean '--status'? (valid: --status, --active, --limit, --json)"),
    (["get", "batch-1", "--colour"], "unknown flag '--colour' for get (valid: --json)"),
    (["list", "--limit", "abc"], "invalid value 'abc' for --limit: expected a whole number from 1 to 1000000"),
    (["list", "--limit", "0"], "invalid value '0' for --limit: expected a whole number from 1 to 1000000"),
    (["list", "--limit"], "--limit needs a value (N)"),
    (["list", "--limit", "--active"], "--limit needs a value (N)"),
    (["list", "--active=yes"], "--active takes no value"),
    (["list", "--json=1"], "--json takes no value"),
    (["watch", "a", "--interval", "0"],
      "invalid value '0' for --interval: expected seconds greater than 0 and at most 3600"),
    (["watch", "a", "--timeout", "soon"], "invalid value 'soon' for --timeout: expected a number of seconds"),
    (["list", "--status", "done"],
      "unknown status 'done' for --status (valid: VALIDATING, IN_PROGRESS, COMPLETED, FAILED, EXPIRED, CANCELING, "
        + "CANCELLING, CANCELLED)"),
    (["list", "--status", "faild"],
      "unknown status 'faild' for --status; did you mean 'FAILED'? (valid: VALIDATING, IN_PROGRESS, COMPLETED, "
        + "FAILED, EXPIRED, CANCELING, CANCELLING, CANCELLED)"),
    (["get"], "missing ID for get (usage: get ID)"),
    (["cancel"], "missing ID for cancel (usage: cancel ID…)"),
    (["get", "a", "b"], "unexpected argument 'b' for get (usage: get ID)"),
    (["quit", "now"], "unexpected argument 'now' for quit (usage: quit)"),
    (["help", "lst"],
      "unknown command 'lst'; did you mean 'list'? (commands: get, list, cancel, watch, download, help, set, "
        + "quit)"),
    ([], "no command given; type 'help' for the list of commands"),
  ] as [([String], String)])
  func mistakesAreExplained(words: [String], message: String) {
    #expect(Fixtures.usageMessage(words) == message)
  }

  @Test(arguments: [
    ("../x", "invalid id '../x': an id cannot contain '/'"),
    ("", "invalid id '': an id cannot be empty"),
    ("a\u{1B}[31m", "invalid id 'a\\u{1b}[31m': an id cannot contain control characters"),
    ("with space", "invalid id 'with space': an id cannot contain whitespace"),
  ])
  func invalidIDsAreRefused(id: String, message: String) {
    #expect(Fixtures.usageMessage(["get", id]) == message)
    #expect(Fixtures.usageMessage(["cancel", "ok", id]) == message)
  }

  @Test func overlongIDsAreRefused() {
    let message = Fixtures.usageMessage(["download", String(repeating: "x", count: 300)])
    #expect(message?.hasSuffix("longer than 256 characters") == true)
  }

  @Test func mistakesAreUsageErrorsNamingTheCommand() {
    #expect(throws: CommandError.usage("missing ID for get (usage: get ID)", command: "get")) {
      try parser.parse(["get"])
    }
    #expect(ExitStatus(error: CommandError.usage("x", command: nil)) == .usage)
  }

  @Test func sessionOnlyCommandsAreRefusedElsewhere() {
    #expect(Fixtures.usageMessage(["quit"], frontEnd: .oneShot) == "'quit' is not available here (only in: repl, script)")
    #expect(Fixtures.usageMessage(["help", "quit"], frontEnd: .oneShot)?.hasPrefix("unknown command 'quit' (commands:") == true)
    #expect(Fixtures.usageMessage(["quit"], frontEnd: .script) == nil)
  }
}
