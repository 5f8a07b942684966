/// Generates help text from the command table: the command list, and each command's usage, options and examples.
public struct HelpRenderer: Sendable {
  public var table: CommandTable
  public var frontEnd: FrontEnd
  /// The width text is wrapped to.
  public var width: Int

  public init(table: CommandTable = .standard, frontEnd: FrontEnd, width: Int = 80) {
    self.table = table
    self.frontEnd = frontEnd
    self.width = width
  }

  /// The list of commands the front end offers, one line each.
  public func overview() -> String {
    let commands = table.commands(for: frontEnd)
    let entries = commands.map { command -> (String, String) in
      let synopsis = ([command.name] + command.positionals.map(\.usageFragment)).joined(separator: " ")
      let aliases = command.aliases.isEmpty ? "" : " (also: \(command.aliases.joined(separator: ", ")))"
      return (synopsis, command.summary + aliases)
    }
    var lines = ["Commands:"] + columns(entries)
    let globals = table.globalFlags.map(\.helpLabel).joined(separator: " and ")
    lines += [""] + TextWidth.wrap(
      "Every command accepts \(globals). Type 'help COMMAND' for a command's options and examples.", width: width)
    return lines.joined(separator: "\n")
  }

  /// One command's help: usage, summary, discussion, arguments, options and examples.
  public func help(for command: CommandDescriptor) -> String {
    let globals = globalFlags(for: command).filter { $0.name != CommandTable.helpFlag.name }.map(\.usageFragment)
    let fragments = [command.name] + command.positionals.map(\.usageFragment) + command.options.map(\.usageFragment)
    let usage = TextWidth.wrap(words: fragments + globals, width: width - 7)
    var lines = usage.enumerated().map { ($0.offset == 0 ? "Usage: " : "       ") + $0.element }
    lines += [""] + TextWidth.wrap(command.summary, width: width)
    if !command.aliases.isEmpty { lines += ["Also: " + command.aliases.joined(separator: ", ")] }
    for paragraph in command.discussion {
      lines += [""] + TextWidth.wrap(paragraph, width: width)
    }
    if !command.positionals.isEmpty {
      lines += ["", "Arguments:"] + columns(command.positionals.map { ($0.helpLabel, describe($0)) })
    }
    let options = command.options + globalFlags(for: command)
    lines += ["", "Options:"] + columns(options.map { ($0.helpLabel, describe($0)) })
    if !command.examples.isEmpty {
      lines += ["", "Examples:"]
      for example in command.examples {
        lines += ["  " + example.line] + TextWidth.wrap(example.summary, width: width - 6).map { "      " + $0 }
      }
    }
    return lines.joined(separator: "\n")
  }

  // MARK: - Layout

  /// The global flags that mean something for a command: `--json` only for commands with a result.
  private func globalFlags(for command: CommandDescriptor) -> [ParamDescriptor] {
    table.globalFlags.filter { command.result != .none || $0.name != CommandTable.jsonFlag.name }
  }

  private func describe(_ param: ParamDescriptor) -> String {
    var text = param.summary
    if param.role == .option, let value = param.defaultValue {
      text += " Default: \(value.commandLineText)."
    }
    if let choices = param.kind.choices {
      text += " One of: \(choices.joined(separator: ", "))."
    }
    return text
  }

  /// Two columns: labels indented by two, descriptions aligned and wrapped, on the next line when a label is long.
  private func columns(_ entries: [(String, String)]) -> [String] {
    let labelWidth = min(entries.map { TextWidth.of($0.0) }.max() ?? 0, 24) + 4
    var lines: [String] = []
    for (label, text) in entries {
      let wrapped = TextWidth.wrap(text, width: max(20, width - labelWidth))
      let indent = String(repeating: " ", count: labelWidth)
      if TextWidth.of(label) + 4 > labelWidth {
        lines.append("  " + label)
        lines += wrapped.map { indent + $0 }
      } else {
        lines.append(TextWidth.pad("  " + label, to: labelWidth) + (wrapped.first ?? ""))
        lines += wrapped.dropFirst().map { indent + $0 }
      }
    }
    return lines
  }
}
