/// One command of the table: its names, documentation, parameters, result and handler.
///
/// Everything a front end offers follows from descriptors: parsing, help, tab completion, the JSON-RPC method list,
/// `rpc.discover` and the man page. A command is added by writing its descriptor and handler and listing it in
/// `CommandTable.standard`.
public struct CommandDescriptor: Sendable {
  /// Runs a parsed invocation.
  public typealias Handler = @Sendable (ParsedArguments, CommandContext) async throws -> CommandOutput

  public var name: String
  public var aliases: [String]
  /// One sentence for command lists.
  public var summary: String
  /// Paragraphs of detail for `help COMMAND` and the man page.
  public var discussion: [String]
  public var params: [ParamDescriptor]
  public var examples: [CommandExample]
  public var result: ResultShape
  /// The front ends that offer the command.
  public var frontEnds: FrontEnds
  public var handler: Handler

  public init(
    name: String, aliases: [String] = [], summary: String, discussion: [String] = [], params: [ParamDescriptor] = [],
    examples: [CommandExample] = [], result: ResultShape, frontEnds: FrontEnds = .all, handler: @escaping Handler
  ) {
    self.name = name
    self.aliases = aliases
    self.summary = summary
    self.discussion = discussion
    self.params = params
    self.examples = examples
    self.result = result
    self.frontEnds = frontEnds
    self.handler = handler
  }

  // MARK: - Lookup

  /// The name and the aliases.
  public var allNames: [String] { [name] + aliases }

  /// The parameter with an RPC name.
  public func param(named name: String) -> ParamDescriptor? { params.first { $0.name == name } }

  /// The option or flag with a long (`--limit`) or short (`-n`) spelling.
  public func param(flag: String) -> ParamDescriptor? {
    params.first { $0.longFlag == flag || $0.shortFlag == flag }
  }

  /// The positional parameters in order.
  public var positionals: [ParamDescriptor] { params.filter { $0.role.isPositional } }

  /// The options and flags in order.
  public var options: [ParamDescriptor] { params.filter { !$0.role.isPositional } }

  /// Whether a front end offers the command.
  public func isOffered(in frontEnd: FrontEnd) -> Bool { frontEnds.contains(FrontEnds(frontEnd)) }

  // MARK: - Usage

  /// The usage line without the global flags: `list [--status S,…] [--active] [--limit N]`.
  public var usage: String {
    ([name] + positionals.map(\.usageFragment) + options.map(\.usageFragment)).joined(separator: " ")
  }
}

/// An example invocation with what it does.
public struct CommandExample: Sendable, Equatable, Codable {
  public var line: String
  public var summary: String

  public init(_ line: String, _ summary: String) {
    self.line = line
    self.summary = summary
  }
}
