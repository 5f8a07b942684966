import BatchCore

/// A neutral, versioned description of the command table (like swift-argument-parser's `ToolInfoV0`).
///
/// The man page generator and `rpc.discover` read this instead of the descriptors, so they need no handlers and the
/// format can be checked in as JSON. Bump `currentVersion` on any incompatible change.
public struct CommandTableInfo: Codable, Equatable, Sendable {
  public static let currentVersion = 0

  public var serializationVersion: Int
  public var tool: String
  public var version: String
  /// Flags every command accepts on the command line (not RPC params).
  public var globalFlags: [Param]
  public var commands: [Command]

  /// Describes a table.
  public init(table: CommandTable = .standard, tool: String = "batchsh", version: String = BatchshVersion.current) {
    serializationVersion = Self.currentVersion
    self.tool = tool
    self.version = version
    globalFlags = table.globalFlags.map { Param($0, table: table) }
    commands = table.commands.map { Command($0, table: table) }
  }

  enum CodingKeys: String, CodingKey {
    case serializationVersion = "serialization_version"
    case tool, version, commands
    case globalFlags = "global_flags"
  }

  // MARK: - Command

  /// One command: names, documentation, params, result shape and the front ends that offer it.
  public struct Command: Codable, Equatable, Sendable {
    public var name: String
    public var aliases: [String]
    public var summary: String
    public var discussion: [String]
    public var usage: String
    public var params: [Param]
    public var examples: [CommandExample]
    public var result: ResultShape
    public var frontEnds: [FrontEnd]

    init(_ command: CommandDescriptor, table: CommandTable) {
      name = command.name
      aliases = command.aliases
      summary = command.summary
      discussion = command.discussion
      usage = command.usage
      params = command.params.map { Param($0, table: table) }
      examples = command.examples
      result = command.result
      frontEnds = command.frontEnds.members
    }

    enum CodingKeys: String, CodingKey {
      case name, aliases, summary, discussion, usage, params, examples, result
      case frontEnds = "front_ends"
    }
  }

  // MARK: - Param

  /// One parameter: its RPC name and command-line spellings, kind, role, documentation and JSON Schema.
  public struct Param: Codable, Equatable, Sendable {
    public var name: String
    public var longFlag: String?
    public var shortFlag: String?
    public var kind: String
    public var role: ParamRole
    public var required: Bool
    public var defaultValue: JSONValue?
    public var summary: String
    public var valueName: String?
    public var completion: CompletionSource
    /// The fixed words the value may be (status names, a choice's words); nil when the set is open.
    public var choices: [String]?
    /// The JSON Schema of the value in JSON-RPC.
    public var schema: JSONValue

    init(_ param: ParamDescriptor, table: CommandTable) {
      name = param.name
      longFlag = param.longFlag
      shortFlag = param.shortFlag
      kind = param.kind.name
      role = param.role
      required = param.isRequired
      defaultValue = param.defaultValue?.jsonValue
      summary = param.summary
      valueName = param.role == .flag ? nil : param.valueName
      completion = param.completion
      choices = param.kind.choices
      schema = param.jsonSchema(table: table)
    }

    enum CodingKeys: String, CodingKey {
      case name, kind, role, required, summary, completion, choices, schema
      case longFlag = "long_flag"
      case shortFlag = "short_flag"
      case defaultValue = "default"
      case valueName = "value_name"
    }
  }
}
