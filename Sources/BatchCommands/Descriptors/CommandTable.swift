/// The commands batchsh knows, looked up by name or alias; the one source for parsing, help, completion and RPC.
public struct CommandTable: Sendable {
  public let commands: [CommandDescriptor]
  /// Flags every command accepts on the command line (`--json`, `-h`/`--help`); not RPC params.
  public let globalFlags: [ParamDescriptor]
  /// The help texts rendered so far (`help` renders each one once).
  let helpTexts = HelpTextCache()

  /// Builds a table; names and aliases must be unique.
  public init(commands: [CommandDescriptor], globalFlags: [ParamDescriptor] = CommandTable.standardGlobalFlags) {
    let names = commands.flatMap(\.allNames)
    precondition(Set(names).count == names.count, "duplicate command name or alias in \(names)")
    self.commands = commands
    self.globalFlags = globalFlags
  }

  /// The table of batchsh's commands.
  public static let standard = CommandTable(commands: [
    GetCommand.descriptor, ListCommand.descriptor, CancelCommand.descriptor, WatchCommand.descriptor,
    DownloadCommand.descriptor, HelpCommand.descriptor, SetCommand.descriptor, QuitCommand.descriptor,
  ])

  // MARK: - Global flags

  /// `--json`: print JSON instead of a table.
  public static let jsonFlag = ParamDescriptor.flag("json", summary: "Print JSON instead of a table.")
  /// `-h`, `--help`: print the command's help instead of running it.
  public static let helpFlag = ParamDescriptor.flag("help", short: "h", summary: "Show this command's help.")
  /// The global flags of the standard table.
  public static let standardGlobalFlags = [jsonFlag, helpFlag]

  // MARK: - Lookup

  /// The command with this name or alias (exact, then case-insensitive).
  public func command(named name: String) -> CommandDescriptor? {
    commands.first { $0.allNames.contains(name) }
      ?? commands.first { $0.allNames.contains(name.lowercased()) }
  }

  /// The command with this name or alias when `frontEnd` offers it.
  public func command(named name: String, for frontEnd: FrontEnd) -> CommandDescriptor? {
    command(named: name).flatMap { $0.isOffered(in: frontEnd) ? $0 : nil }
  }

  /// The commands a front end offers, in table order.
  public func commands(for frontEnd: FrontEnd) -> [CommandDescriptor] {
    commands.filter { $0.isOffered(in: frontEnd) }
  }

  /// The names and aliases a front end offers, for completion and error messages.
  public func names(for frontEnd: FrontEnd) -> [String] {
    commands(for: frontEnd).flatMap(\.allNames)
  }

  /// The offered name or alias nearest to a mistyped one, for "did you mean" hints.
  public func nearest(to name: String, for frontEnd: FrontEnd) -> String? {
    Suggestion.nearest(to: name, in: names(for: frontEnd))
  }

  /// The global flag with a long or short spelling.
  public func globalFlag(_ spelling: String) -> ParamDescriptor? {
    globalFlags.first { $0.longFlag == spelling || $0.shortFlag == spelling }
  }

  /// Every flag spelling a command accepts, its own then the global ones, for completion and error messages.
  public func flagSpellings(of command: CommandDescriptor) -> [String] {
    (command.options + globalFlags).flatMap { [$0.longFlag, $0.shortFlag].compactMap { $0 } }
  }
}
