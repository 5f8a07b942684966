import BatchCommands

/// The methods of the protocol itself, which are not commands of the table; everything else goes to the dispatcher.
///
/// `rpc.discover` and `shutdown` are requests; `exit`, `$/cancelRequest` and `notifications/cancelled` are
/// notifications (sent with an id they are still obeyed, and answered `null`).
enum ProtocolMethod: String, CaseIterable, Sendable {
  /// Answers the OpenRPC document of every method.
  case discover = "rpc.discover"
  /// Answers `null`; later requests are refused and the server ends at `exit` or end of input.
  case shutdown
  /// Ends the server (after in-flight requests, as at end of input).
  case exit
  /// LSP's cancellation: `{"id": ID}`.
  case cancelRequest = "$/cancelRequest"
  /// MCP's cancellation: `{"requestId": ID, "reason"?: "…"}`.
  case cancelled = "notifications/cancelled"

  /// The notification a `watch` streams on every status or progress change.
  static let watchUpdate = "watch/update"

  /// Whether the method cancels a request.
  var isCancellation: Bool { self == .cancelRequest || self == .cancelled }

  /// The id a cancellation names, or a message saying what is wrong with its params.
  func cancelledID(in params: JSONValue?) -> Result<JSONValue, RPCError> {
    let key = self == .cancelled ? "requestId" : "id"
    guard case .object(let members)? = params else {
      return .failure(.invalidParams("\(rawValue) needs params {\"\(key)\": ID}"))
    }
    switch members[key] {
    case let id? where id.stringValue != nil || id.doubleValue != nil: return .success(id)
    case let other?:
      return .failure(.invalidParams("param '\(key)' of \(rawValue) must be a string or a number, not \(other.typeName)"))
    case nil:
      return .failure(.invalidParams("missing param '\(key)' for \(rawValue)"))
    }
  }

  /// Whether the request's params are acceptable for a method that takes none (`rpc.discover`, `shutdown`).
  static func checkNoParams(_ params: JSONValue?, method: String) -> RPCError? {
    switch params {
    case nil, .null?: return nil
    case .object(let members)? where members.isEmpty: return nil
    case .array(let elements)? where elements.isEmpty: return nil
    default: return .invalidParams("\(method) takes no params")
    }
  }
}
