import BatchCommands
import BatchCore
import Testing

/// `set [SETTING] [VALUE]`: parsing of its choices, what it answers, and how that renders.
@Suite struct SetCommandTests {
  private func dispatcher(frontEnd: FrontEnd = .repl, json: Bool = false) -> Dispatcher {
    var context = Fixtures.context(api: FakeBatchAPI(), frontEnd: frontEnd)
    context.output.json = json
    return Dispatcher(context: context)
  }

  // MARK: - Parsing

  @Test func choicesParseToTheirListedSpelling() throws {
    let parser = InvocationParser(frontEnd: .script)
    let invocation = try parser.parse(["set", "OUTPUT", "Json"])
    #expect(invocation.name == "set")
    #expect(invocation.arguments.string("setting") == "output")
    #expect(invocation.arguments.string("value") == "json")
    #expect(try parser.parse(["set"]).arguments.values.isEmpty)
  }

  @Test(arguments: [
    (["set", "outptu"], "invalid value 'outptu' for SETTING; did you mean 'output'? (valid: output)"),
    (["set", "colour", "never"], "invalid value 'colour' for SETTING (valid: output)"),
    (["set", "output", "jsno"], "invalid value 'jsno' for VALUE; did you mean 'json'? (valid: table, json)"),
    (["set", "output", "yaml"], "invalid value 'yaml' for VALUE (valid: table, json)"),
    (["set", "output", "json", "now"], "unexpected argument 'now' for set (usage: set [SETTING] [VALUE])"),
  ] as [([String], String)])
  func mistakesAreExplained(words: [String], message: String) {
    #expect(Fixtures.usageMessage(words) == message)
  }

  @Test func offeredOnlyInLineSessions() {
    #expect(Fixtures.usageMessage(["set", "output", "json"], frontEnd: .script) == nil)
    #expect(Fixtures.usageMessage(["set"], frontEnd: .oneShot) == "'set' is not available here (only in: repl, script)")
    #expect(throws: CommandError.self) {
      try JSONParamsParser().parse(method: "set", params: ["setting": "output", "value": "json"])
    }
    #expect(HelpRenderer(frontEnd: .repl).overview().contains("set [SETTING] [VALUE]"))
  }

  @Test func choicesAreDocumented() throws {
    let set = try #require(CommandTable.standard.command(named: "set"))
    #expect(set.params.map(\.kind) == [.choice(["output"]), .choice(["table", "json"])])
    #expect(set.params.map(\.kind.choices) == [["output"], ["table", "json"]])
    #expect(ParamKind.choice(["a", "b"]).defaultValueName == "a|b")
    let value = try #require(CommandTableInfo().commands.first { $0.name == "set" }?.params.last)
    #expect(value.kind == "choice" && value.completion == .choices && value.choices == ["table", "json"])
    #expect(value.schema == ["type": "string", "enum": ["table", "json"], "description": "The setting's new value."])
    let help = HelpRenderer(frontEnd: .repl).help(for: set)
    #expect(help.hasPrefix("Usage: set [SETTING] [VALUE] [--json]\n"))
    #expect(help.contains("  VALUE    The setting's new value. One of: table, json."))
  }

  // MARK: - Running

  @Test func showsEverySettingOrOne() async throws {
    #expect(try await dispatcher().run(words: ["set"]) == .settings(ShellSettings(output: .table), shown: [.output]))
    #expect(try await dispatcher(json: true).run(words: ["set", "output"])
      == .settings(ShellSettings(output: .json), shown: [.output]))
  }

  @Test func aChangeAnswersTheNewSettingsAndShowsNothing() async throws {
    let output = try await dispatcher().run(words: ["set", "output", "json"])
    #expect(output == .settings(ShellSettings(output: .json), shown: []))
    guard case .settings(let settings, _) = output else { return }
    var options = OutputOptions.plain
    options = settings.applied(to: options)
    #expect(options.json && ShellSettings(options: options).output == .json)
    #expect(ShellSettings(output: .table).applied(to: options) == .plain)
    let report = await dispatcher().execute(words: ["set", "output", "table"])
    #expect(report.exitStatus == .success && report.rendered.stdout.isEmpty && report.rendered.stderr.isEmpty)
  }

  // MARK: - Rendering

  @Test func rendersATableOrAJSONObject() async {
    #expect(await dispatcher().execute(words: ["set"]).rendered.stdout == "output  table\n")
    #expect(await dispatcher(json: true).execute(words: ["set"]).rendered.stdout == #"{"output":"json"}"# + "\n")
    #expect(await dispatcher().execute(words: ["set", "output", "--json"]).rendered.stdout
      == #"{"output":"table"}"# + "\n")
    let change = await dispatcher().execute(words: ["set", "output", "json", "--json"])
    #expect(change.rendered.stdout == "")
  }

  @Test func rpcResultIsTheObjectOfSettings() throws {
    let shown = CommandOutput.settings(ShellSettings(output: .json), shown: [.output])
    #expect(try shown.rpcResult() == ["output": "json"])
    #expect(try CommandOutput.settings(ShellSettings(), shown: []).rpcResult() == [:])
    #expect(CommandOutput.settings(ShellSettings(), shown: [.output]).jobs.isEmpty)
  }

  @Test func settingsByName() {
    var settings = ShellSettings()
    #expect(settings.value(of: .output) == "table")
    #expect(!settings.set(.output, to: "yaml") && settings.output == .table)
    #expect(settings.set(.output, to: "json") && settings.values(of: [.output]) == ["output": "json"])
  }
}
