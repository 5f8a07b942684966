/// Turns a JSON-RPC method and its named params into an `Invocation`.
///
/// Params are an object (or absent): positional arguments by name (`id`, `ids` as an array), flags by their long
/// name with `-` → `_`, booleans for flags, numbers for integers and durations, arrays for status lists. A method the
/// RPC front end does not offer is `CommandError.unknownCommand`; any wrong, missing or unknown param is
/// `CommandError.invalidParams` saying which.
public struct JSONParamsParser: Sendable {
  public let table: CommandTable

  public init(table: CommandTable = .standard) {
    self.table = table
  }

  /// Parses a method call; `params` nil or `null` means no params.
  public func parse(method: String, params: JSONValue?) throws(CommandError) -> Invocation {
    guard let command = table.commands(for: .rpc).first(where: { $0.allNames.contains(method) }) else {
      throw .unknownCommand(method, message: "method not found: '\(ValueParser.printable(method))'")
    }
    let members: [String: JSONValue]
    switch params {
    case nil, .null?: members = [:]
    case .object(let object)?: members = object
    case let other?:
      throw .invalidParams("params of '\(command.name)' must be an object of named params, not \(other.typeName)")
    }
    var arguments = ParsedArguments(json: true)
    for key in members.keys.sorted() {
      guard let param = command.param(named: key) else {
        let valid = command.params.map(\.name)
        let hint = Suggestion.nearest(to: key, in: valid).map { "; did you mean '\($0)'?" } ?? ""
        let list = valid.isEmpty ? "it takes none" : "valid: \(valid.joined(separator: ", "))"
        throw .invalidParams("unknown param '\(ValueParser.printable(key))' for \(command.name)\(hint) (\(list))")
      }
      let value = members[key]!
      if value == .null { continue }
      arguments.set(param.name, try convert(value, for: param, command: command))
    }
    for param in command.params where param.isRequired && arguments.values[param.name] == nil {
      throw .invalidParams("missing param '\(param.name)' for \(command.name)")
    }
    arguments.applyDefaults(of: command)
    return Invocation(command: command, arguments: arguments)
  }

  // MARK: - Values

  private func convert(_ value: JSONValue, for param: ParamDescriptor, command: CommandDescriptor)
    throws(CommandError) -> ArgumentValue
  {
    let label = "'\(param.name)'"
    do throws(ValueParser.Problem) {
      switch (param.kind, param.role) {
      case (_, .variadic):
        let words = try strings(value, param: param, command: command)
        if param.isRequired && words.isEmpty {
          throw ValueParser.Problem(message: "\(label) needs at least one \(param.valueName)")
        }
        if param.kind == .jobID { for word in words { _ = try ValueParser.jobID(word) } }
        return .strings(words)
      case (.jobID, _):
        return .string(try ValueParser.jobID(try string(value, param: param, command: command)))
      case (.statusList, _):
        return .statuses(try ValueParser.statuses(try strings(value, param: param, command: command), label: label))
      case (.path, _):
        return .string(try ValueParser.path(try string(value, param: param, command: command), label: label))
      case (.integer(let bounds), _):
        guard let number = value.doubleValue, number == number.rounded(), let integer = Int(exactly: number) else {
          throw mistyped(value, param: param, command: command, expected: ValueParser.describe(bounds))
        }
        return .integer(try ValueParser.integer(integer, bounds: bounds, label: label))
      case (.duration(let maximum), _):
        guard let seconds = value.doubleValue else {
          throw mistyped(value, param: param, command: command, expected: "a number of seconds")
        }
        return .seconds(try ValueParser.duration(seconds, maximum: maximum, label: label))
      case (.flag, _):
        guard case .bool(let on) = value else {
          throw mistyped(value, param: param, command: command, expected: "a boolean")
        }
        return .flag(on)
      case (.commandName, _):
        let name = try string(value, param: param, command: command)
        return .string(try ValueParser.commandName(name, table: table, frontEnd: .rpc))
      case (.string, _):
        return .string(try string(value, param: param, command: command))
      case (.choice(let words), _):
        return .string(try ValueParser.choice(try string(value, param: param, command: command), from: words,
          label: label))
      }
    } catch {
      throw .invalidParams(error.message)
    }
  }

  private func string(_ value: JSONValue, param: ParamDescriptor, command: CommandDescriptor)
    throws(ValueParser.Problem) -> String
  {
    guard let text = value.stringValue else {
      throw mistyped(value, param: param, command: command, expected: "a string")
    }
    return text
  }

  private func strings(_ value: JSONValue, param: ParamDescriptor, command: CommandDescriptor)
    throws(ValueParser.Problem) -> [String]
  {
    guard let array = value.arrayValue else {
      throw mistyped(value, param: param, command: command, expected: "an array of strings")
    }
    var words: [String] = []
    for (index, element) in array.enumerated() {
      guard let text = element.stringValue else {
        throw ValueParser.Problem(message: "param '\(param.name)' of \(command.name) must be an array of strings; "
          + "element \(index + 1) is a \(element.typeName)")
      }
      words.append(text)
    }
    return words
  }

  private func mistyped(_ value: JSONValue, param: ParamDescriptor, command: CommandDescriptor, expected: String)
    -> ValueParser.Problem
  {
    ValueParser.Problem(message: "param '\(param.name)' of \(command.name) must be \(expected), not \(value.typeName)")
  }
}
