/// Turns the words of a command line (tokenized by the shell, or argv) into an `Invocation`.
///
/// Accepts `--flag value`, `--flag=value`, short flags (`-o PATH`), `--` to end flags, and the global `--json` and
/// `-h`/`--help` anywhere after the command. Any mistake is a `CommandError.usage` naming the valid choices and the
/// nearest spelling. `-h` turns the invocation into `help COMMAND`.
public struct InvocationParser: Sendable {
  public let table: CommandTable
  public let frontEnd: FrontEnd

  public init(table: CommandTable = .standard, frontEnd: FrontEnd) {
    self.table = table
    self.frontEnd = frontEnd
  }

  /// Parses a command line.
  public func parse(_ words: [String]) throws(CommandError) -> Invocation {
    guard let first = words.first else {
      throw .usage("no command given; type 'help' for the list of commands", command: nil)
    }
    if first == "-h" || first == "--help" { return try parse(["help"] + words.dropFirst()) }
    let command = try lookUp(first)
    var arguments = ParsedArguments()
    var positionals: [String] = []
    var wantsHelp = false
    var index = 1
    var flagsEnded = false
    while index < words.count {
      let word = words[index]
      index += 1
      if flagsEnded || !word.hasPrefix("-") || word == "-" {
        positionals.append(word)
        continue
      }
      if word == "--" {
        flagsEnded = true
        continue
      }
      let (spelling, inline) = split(word)
      if let global = table.globalFlag(spelling) {
        if inline != nil { throw .usage("\(spelling) takes no value", command: command.name) }
        if global.name == CommandTable.helpFlag.name { wantsHelp = true } else { arguments.json = true }
        continue
      }
      guard let param = command.param(flag: spelling) else { throw unknownFlag(spelling, for: command) }
      let label = param.longFlag ?? spelling
      if param.role == .flag {
        if inline != nil { throw .usage("\(label) takes no value", command: command.name) }
        arguments.set(param.name, .flag(true))
        continue
      }
      let text: String
      if let inline {
        text = inline
      } else if index < words.count, !looksLikeFlag(words[index]) {
        text = words[index]
        index += 1
      } else {
        throw .usage("\(label) needs a value (\(param.valueName))", command: command.name)
      }
      var value = try convert(text, for: param, label: label, command: command)
      if case .statuses(let more) = value, case .statuses(let earlier) = arguments.values[param.name] {
        value = .statuses(earlier + more.filter { !earlier.contains($0) })
      }
      arguments.set(param.name, value)
    }
    if wantsHelp, let help = table.command(named: HelpCommand.descriptor.name) {
      return Invocation(command: help, arguments: ParsedArguments(values: ["command": .string(command.name)],
        json: arguments.json))
    }
    try assign(positionals, to: command, in: &arguments)
    arguments.applyDefaults(of: command)
    return Invocation(command: command, arguments: arguments)
  }

  // MARK: - Steps

  private func lookUp(_ name: String) throws(CommandError) -> CommandDescriptor {
    if let command = table.command(named: name, for: frontEnd) { return command }
    let shown = ValueParser.printable(name)
    if let command = table.command(named: name) {
      let places = command.frontEnds.members.map(\.rawValue).joined(separator: ", ")
      throw .unknownCommand(name, message: "'\(shown)' is not available here (only in: \(places))")
    }
    let hint = table.nearest(to: name, for: frontEnd).map { "; did you mean '\($0)'?" } ?? ""
    let names = table.commands(for: frontEnd).map(\.name).joined(separator: ", ")
    throw .unknownCommand(name, message: "unknown command '\(shown)'\(hint) (commands: \(names))")
  }

  private func split(_ word: String) -> (spelling: String, inline: String?) {
    guard word.hasPrefix("--"), let equals = word.firstIndex(of: "=") else { return (word, nil) }
    return (String(word[..<equals]), String(word[word.index(after: equals)...]))
  }

  /// Whether a word after an option is another flag rather than its value (negative numbers are values).
  private func looksLikeFlag(_ word: String) -> Bool {
    word.count > 1 && word.hasPrefix("-") && Double(word) == nil
  }

  private func unknownFlag(_ spelling: String, for command: CommandDescriptor) -> CommandError {
    let valid = table.flagSpellings(of: command).filter { $0.hasPrefix("--") && $0 != "--help" }
    let hint = Suggestion.nearest(to: spelling, in: valid).map { "; did you mean '\($0)'?" } ?? ""
    return .usage("unknown flag '\(ValueParser.printable(spelling))' for \(command.name)\(hint) "
      + "(valid: \(valid.joined(separator: ", ")))", command: command.name)
  }

  private func convert(_ text: String, for param: ParamDescriptor, label: String, command: CommandDescriptor)
    throws(CommandError) -> ArgumentValue
  {
    do {
      return try ValueParser.parse(text, for: param, label: label, table: table, frontEnd: frontEnd)
    } catch {
      throw .usage(error.message, command: command.name)
    }
  }

  private func assign(_ words: [String], to command: CommandDescriptor, in arguments: inout ParsedArguments)
    throws(CommandError)
  {
    var rest = words[...]
    for param in command.positionals {
      if param.role == .variadic {
        if rest.isEmpty && param.isRequired { throw missing(param, command) }
        var values: [String] = []
        for word in rest { values.append(try jobOrText(word, param, command)) }
        if !values.isEmpty { arguments.set(param.name, .strings(values)) }
        rest = []
      } else if let word = rest.popFirst() {
        arguments.set(param.name, try convert(word, for: param, label: param.valueName, command: command))
      } else if param.isRequired {
        throw missing(param, command)
      }
    }
    if let extra = rest.first {
      throw .usage("unexpected argument '\(ValueParser.printable(extra))' for \(command.name) "
        + "(usage: \(command.usage))", command: command.name)
    }
  }

  private func jobOrText(_ word: String, _ param: ParamDescriptor, _ command: CommandDescriptor) throws(CommandError)
    -> String
  {
    guard case .string(let text) = try convert(word, for: param, label: param.valueName, command: command) else {
      return word
    }
    return text
  }

  private func missing(_ param: ParamDescriptor, _ command: CommandDescriptor) -> CommandError {
    .usage("missing \(param.valueName) for \(command.name) (usage: \(command.usage))", command: command.name)
  }
}
