/// `help [COMMAND]`: the list of commands, or one command's usage, options and examples.
public enum HelpCommand {
  static let command = ParamDescriptor.positional("command", .commandName, required: false,
    summary: "The command to explain.")

  public static let descriptor = CommandDescriptor(
    name: "help",
    summary: "Show the commands, or one command's usage and options.",
    discussion: ["'COMMAND -h' and 'COMMAND --help' show the same text as 'help COMMAND'."],
    params: [command],
    examples: [CommandExample("help", "List the commands."), CommandExample("help watch", "How to use watch.")],
    result: .help,
    handler: run
  )

  @Sendable static func run(_ arguments: ParsedArguments, _ context: CommandContext) async throws -> CommandOutput {
    let table = context.table
    let renderer = HelpRenderer(table: table, frontEnd: context.frontEnd)
    if let name = arguments.string(command.name), let target = table.command(named: name) {
      return .help(table.helpTexts.text(for: context.frontEnd, command: target.name) { renderer.help(for: target) })
    }
    return .help(table.helpTexts.text(for: context.frontEnd, command: nil) { renderer.overview() })
  }
}
