import BatchCommands

/// One incoming JSON-RPC 2.0 message, classified by its `(id, method, hasResult, error)` as sourcekit-lsp does.
///
/// A message that cannot be a request still keeps its `id` when the id itself is readable, so the error reply can
/// carry it; otherwise the reply's id is `null`.
enum RPCMessage: Sendable, Equatable {
  /// A call that expects a response.
  case request(id: RequestID, method: String, params: JSONValue?)
  /// A call without an id: never answered, not even with an error.
  case notification(method: String, params: JSONValue?)
  /// A response to a request of ours; the server sends no requests, so it is ignored.
  case response(id: RequestID)
  /// Not a valid message; answered with `error` and `id` (`null` when unknown).
  case invalid(id: RequestID, error: RPCError)

  /// Classifies one parsed element of a line.
  init(_ raw: RawMessage) {
    guard case .object(let members) = raw.value else {
      self = .invalid(id: .null, error: .invalidRequest("a message must be a JSON object, not \(raw.value.typeName)"))
      return
    }
    let id: RequestID?
    switch members["id"] {
    case nil: id = nil
    case .null?: id = .null
    case .string(let text)?: id = .string(text)
    case .integer(let integer)?: id = .number(raw.idText ?? String(integer))
    case .number(let number)?: id = .number(raw.idText ?? String(number))
    case let other?:
      self = .invalid(id: .null, error: .invalidRequest("\"id\" must be a string, a number or null, not \(other.typeName)"))
      return
    }
    guard members["jsonrpc"] == .string("2.0") else {
      let problem = members["jsonrpc"] == nil ? "missing \"jsonrpc\": \"2.0\"" : "\"jsonrpc\" must be \"2.0\""
      self = .invalid(id: id ?? .null, error: .invalidRequest(problem))
      return
    }
    switch (id, members["method"], members["result"] != nil, members["error"]) {
    case (_, .string(let method)?, false, nil):
      let params = members["params"]
      switch params {
      case nil, .object?, .array?: break
      case let other?:
        self = .invalid(id: id ?? .null,
          error: .invalidRequest("\"params\" must be an object of named params, not \(other.typeName)"))
        return
      }
      self = id.map { .request(id: $0, method: method, params: params) } ?? .notification(method: method, params: params)
    case (_, let method?, _, _) where method.stringValue == nil:
      self = .invalid(id: id ?? .null, error: .invalidRequest("\"method\" must be a string, not \(method.typeName)"))
    case (let id?, nil, true, nil), (let id?, nil, false, _?):
      self = .response(id: id)
    default:
      self = .invalid(id: id ?? .null,
        error: .invalidRequest("expected a request (\"method\") or a response (\"result\" or \"error\")"))
    }
  }
}

// MARK: - Parsed lines

/// What one protocol line holds once parsed as JSON: a single message or a batch array of them.
enum ParsedLine: Sendable, Equatable {
  case message(RawMessage)
  /// A batch array; empty for `[]`, which is answered with one `-32600`.
  case batch([RawMessage])
}

/// One message as parsed JSON, with the raw text of its `id` when that is a number.
struct RawMessage: Sendable, Equatable {
  /// The element as parsed: an object for anything that may be a message.
  var value: JSONValue
  /// The exact JSON text of a numeric `id` member, so it can be echoed unchanged.
  var idText: String?

  init(value: JSONValue, idText: String? = nil) {
    self.value = value
    self.idText = idText
  }
}
