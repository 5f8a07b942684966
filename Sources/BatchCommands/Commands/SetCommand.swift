/// `set [SETTING] [VALUE]`: shows or changes a setting of the shell or script session (`set output json`).
///
/// The handler cannot change the context it runs in; it answers `.settings` with the settings after the command,
/// and the line session adopts them for the lines that follow (see `LineRunner`).
public enum SetCommand {
  static let setting = ParamDescriptor.positional("setting", .choice(ShellSettings.Name.allCases.map(\.rawValue)),
    required: false, summary: "The setting to show or change.", valueName: "SETTING")
  static let value = ParamDescriptor.positional("value", .choice(values), required: false,
    summary: "The setting's new value.", valueName: "VALUE")

  /// Every word some setting takes; the handler checks that the word fits the setting named.
  static var values: [String] {
    ShellSettings.Name.allCases.flatMap(\.choices).reduce(into: []) { words, word in
      if !words.contains(word) { words.append(word) }
    }
  }

  public static let descriptor = CommandDescriptor(
    name: "set",
    summary: "Show or change a setting of this session.",
    discussion: [
      "With no argument, shows every setting; with a setting's name, shows that one. 'set output json' prints the "
        + "result of every later command as JSON, as if each were given --json; 'set output table' goes back to "
        + "tables. A change lasts until the session ends and prints nothing, so a script that starts with 'set "
        + "output json' writes only JSON to standard output."
    ],
    params: [setting, value],
    examples: [
      CommandExample("set", "Show every setting."),
      CommandExample("set output json", "Print JSON from now on."),
      CommandExample("set output table", "Print tables again."),
    ],
    result: .settings,
    frontEnds: .sessions,
    handler: run
  )

  @Sendable static func run(_ arguments: ParsedArguments, _ context: CommandContext) async throws -> CommandOutput {
    var settings = ShellSettings(options: context.output)
    guard let name = arguments.string(setting.name).flatMap(ShellSettings.Name.init(rawValue:)) else {
      return .settings(settings, shown: ShellSettings.Name.allCases)
    }
    guard let word = arguments.string(value.name) else { return .settings(settings, shown: [name]) }
    guard settings.set(name, to: word) else {
      throw CommandError.usage("invalid value '\(word)' for \(name.rawValue) "
        + "(valid: \(name.choices.joined(separator: ", ")))", command: descriptor.name)
    }
    return .settings(settings, shown: [])
  }
}
