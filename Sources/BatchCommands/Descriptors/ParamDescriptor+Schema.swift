/// The JSON Schema of a parameter's value as JSON-RPC takes it, for `rpc.discover`.
extension ParamDescriptor {
  /// A JSON Schema object (draft 2020-12 keywords) for the param's JSON-RPC value, with its summary and default.
  public func jsonSchema(table: CommandTable = .standard) -> JSONValue {
    var schema = Self.valueSchema(kind, table: table)
    if role == .variadic {
      var array: [String: JSONValue] = ["type": "array", "items": .object(schema)]
      if isRequired { array["minItems"] = 1 }
      schema = array
    }
    schema["description"] = .string(summary)
    if let defaultValue { schema["default"] = defaultValue.jsonValue }
    return .object(schema)
  }

  private static func valueSchema(_ kind: ParamKind, table: CommandTable) -> [String: JSONValue] {
    switch kind {
    case .jobID:
      return ["type": "string", "minLength": 1, "maxLength": .integer(Int64(256))]
    case .statusList:
      let names = ParamKind.statusNames.map(JSONValue.string)
      return ["type": "array", "minItems": 1, "items": ["type": "string", "enum": .array(names)]]
    case .path:
      return ["type": "string", "minLength": 1]
    case .integer(let bounds):
      return ["type": "integer", "minimum": .integer(Int64(bounds.lowerBound)),
        "maximum": .integer(Int64(bounds.upperBound))]
    case .duration(let maximum):
      return ["type": "number", "exclusiveMinimum": 0, "maximum": .number(maximum)]
    case .flag:
      return ["type": "boolean"]
    case .commandName:
      return ["type": "string", "enum": .array(table.commands(for: .rpc).map { .string($0.name) })]
    case .string:
      return ["type": "string"]
    case .choice(let words):
      return ["type": "string", "enum": .array(words.map(JSONValue.string))]
    }
  }
}
