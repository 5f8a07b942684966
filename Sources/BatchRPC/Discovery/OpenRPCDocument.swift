import BatchCommands
import BatchCore

/// The `rpc.discover` answer: an OpenRPC 1.2.6 document generated from the command table's neutral description.
///
/// Every command the JSON-RPC front end offers becomes a method with its named params (the JSON Schema of each comes
/// from its descriptor) and a result schema chosen by its `ResultShape`; only the protocol's own requests
/// (`rpc.discover`, `shutdown`) are listed by hand.
struct OpenRPCDocument {
  static let version = "1.2.6"

  let info: CommandTableInfo

  init(table: CommandTable = .standard) {
    info = CommandTableInfo(table: table)
  }

  /// The commands that become methods, in table order.
  var commands: [CommandTableInfo.Command] { info.commands.filter { $0.frontEnds.contains(.rpc) } }

  // MARK: - Document

  var jsonValue: JSONValue {
    [
      "openrpc": .string(Self.version),
      "info": [
        "title": .string(info.tool),
        "version": .string(info.version),
        "description": """
          Line-delimited JSON-RPC 2.0 on stdin/stdout (batchsh --rpc): Together AI batch jobs. Params are by name. \
          'watch' streams {"method":"watch/update","params":{"request_id","job"}} notifications before its result. \
          Cancel a request with $/cancelRequest {"id"} or notifications/cancelled {"requestId"} (-32800).
          """,
      ],
      "methods": .array(commands.map(method) + Self.protocolMethods),
      "components": ["schemas": ["BatchJob": JobSchema.job]],
    ]
  }

  private func method(_ command: CommandTableInfo.Command) -> JSONValue {
    var description = command.discussion.joined(separator: "\n\n")
    if command.result == .watch {
      description += "\n\nNotifications: watch/update {request_id, job} on every status or progress change."
    }
    return [
      "name": .string(command.name),
      "summary": .string(command.summary),
      "description": .string(description),
      "paramStructure": "by-name",
      "params": .array(command.params.map { param in
        [
          "name": .string(param.name), "summary": .string(param.summary), "required": .bool(param.required),
          "schema": param.schema,
        ]
      }),
      "result": ["name": .string(Self.resultName(command.result)), "schema": Self.resultSchema(command.result)],
    ]
  }

  // MARK: - Results

  static func resultName(_ shape: ResultShape) -> String {
    switch shape {
    case .job: return "job"
    case .jobs, .watch, .cancel: return "jobs"
    case .download: return "download"
    case .help: return "help"
    case .settings: return "settings"
    case .none: return "null"
    }
  }

  static func resultSchema(_ shape: ResultShape) -> JSONValue {
    switch shape {
    case .job:
      return JobSchema.reference
    case .jobs, .watch:
      return object(["jobs": ["type": "array", "items": JobSchema.reference]], required: ["jobs"])
    case .cancel:
      let failure = object(
        ["id": ["type": "string"], "code": ["type": "integer"], "message": ["type": "string"]],
        required: ["id", "code", "message"])
      return object(
        ["jobs": ["type": "array", "items": JobSchema.reference], "errors": ["type": "array", "items": failure]],
        required: ["jobs"])
    case .download:
      return object(
        ["path": ["type": "string"], "bytes": ["type": "integer", "minimum": 0], "file_id": ["type": "string"]],
        required: ["path", "bytes", "file_id"])
    case .help:
      return object(["help": ["type": "string"]], required: ["help"])
    case .settings:
      // Only line sessions offer `set` today; the shape is here so any front end could document it.
      let properties = ShellSettings.Name.allCases.map { name in
        (name.rawValue, ["type": "string", "enum": .array(name.choices.map(JSONValue.string))] as JSONValue)
      }
      return object(Dictionary(uniqueKeysWithValues: properties), required: [])
    case .none:
      return ["type": "null"]
    }
  }

  static func object(_ properties: [String: JSONValue], required: [String]) -> JSONValue {
    ["type": "object", "properties": .object(properties), "required": .array(required.map(JSONValue.string))]
  }

  // MARK: - Protocol methods

  /// The requests of the protocol itself (notifications have no place in OpenRPC 1.2).
  static let protocolMethods: [JSONValue] = [
    [
      "name": .string(ProtocolMethod.discover.rawValue), "summary": "Describe every method (this document).",
      "paramStructure": "by-name", "params": [],
      "result": ["name": "OpenRPC document", "schema": ["type": "object", "required": ["openrpc", "info", "methods"]]],
    ],
    [
      "name": .string(ProtocolMethod.shutdown.rawValue),
      "summary": "Refuse further requests; the server exits at the next 'exit' notification or end of input.",
      "paramStructure": "by-name", "params": [], "result": ["name": "null", "schema": ["type": "null"]],
    ],
  ]
}
