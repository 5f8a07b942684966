import BatchCommands
import BatchCore
import Foundation

/// A JSON-RPC error object: the code of SPEC §6, a message, and `data` with what is known about the cause.
///
/// Application failures are classified by `ErrorKind`, the one mapping shared with exit codes; `data` then carries
/// `kind` and, for API failures, `http_status`, `api_message` and `retry_after` when known.
public struct RPCError: Error, Sendable, Equatable {
  public var code: Int
  public var message: String
  public var data: JSONValue?

  public init(code: Int, message: String, data: JSONValue? = nil) {
    self.code = code
    self.message = message
    self.data = data
  }

  // MARK: - Protocol errors

  /// `-32700`: the line is not JSON (or not UTF-8, or too long to read).
  public static func parseError(_ detail: String) -> RPCError {
    RPCError(code: -32700, message: "Parse error: \(detail)")
  }

  /// `-32600`: JSON that is not a valid request object.
  public static func invalidRequest(_ detail: String) -> RPCError {
    RPCError(code: -32600, message: "Invalid Request: \(detail)")
  }

  /// `-32601`: no such method.
  public static func methodNotFound(_ method: String) -> RPCError {
    RPCError(code: -32601, message: "method not found: '\(method)'")
  }

  /// `-32602`: params that do not fit the method.
  public static func invalidParams(_ detail: String) -> RPCError {
    RPCError(code: -32602, message: detail, data: ["kind": .string(ErrorKind.invalidParams.rawValue)])
  }

  /// `-32603`: a failure of the server itself.
  public static func internalError(_ detail: String) -> RPCError {
    RPCError(code: -32603, message: "Internal error: \(detail)")
  }

  /// `-32800`: the request was cancelled (`$/cancelRequest`, `notifications/cancelled`, or end of input).
  public static let requestCancelled = RPCError(
    code: -32800, message: "request cancelled", data: ["kind": .string(ErrorKind.interrupted.rawValue)])

  /// `-32600` for requests that arrive after `shutdown`.
  public static let shuttingDown = RPCError(code: -32600, message: "server is shutting down")

  // MARK: - Application errors

  /// The error a command ended with, mapped through `ErrorKind`, with every secret replaced by `[redacted]`.
  public init(_ error: any Error, redacting secrets: [String] = []) {
    if let error = error as? RPCError {
      self = error
      return
    }
    let kind = ErrorKind(error)
    var data: [String: JSONValue] = ["kind": .string(kind.rawValue)]
    let message: String
    switch error {
    case let error as BatchError:
      message = error.description
      if let status = error.httpStatus { data["http_status"] = .integer(Int64(status)) }
      if let text = error.apiMessage { data["api_message"] = .string(Self.redact(text, secrets)) }
      if let seconds = error.retryAfter { data["retry_after"] = .number(seconds) }
    case let error as CommandError:
      message = error.message
    case is CancellationError:
      self = .requestCancelled
      return
    default:
      message = String(describing: error)
    }
    self.init(code: kind.jsonRPCCode, message: Self.redact(message, secrets), data: .object(data))
  }

  /// The error as the `error` member of a response.
  public var jsonValue: JSONValue {
    var object: [String: JSONValue] = ["code": .integer(Int64(code)), "message": .string(message)]
    if let data { object["data"] = data }
    return .object(object)
  }

  static func redact(_ text: String, _ secrets: [String]) -> String {
    secrets.reduce(text) { text, secret in
      contains(text, secret) ? text.replacingOccurrences(of: secret, with: "[redacted]") : text
    }
  }

  /// Whether `text` contains `secret`, by bytes: much cheaper than Foundation's locale-aware search.
  private static func contains(_ text: String, _ secret: String) -> Bool {
    guard !secret.isEmpty, text.utf8.count >= secret.utf8.count else { return false }
    var text = text
    var secret = secret
    return text.withUTF8 { haystack in
      secret.withUTF8 { needle in
        var start = 0
        while start + needle.count <= haystack.count {
          guard let found = memchr(haystack.baseAddress! + start, Int32(needle[0]), haystack.count - start) else {
            return false
          }
          let offset = UnsafeRawPointer(found) - UnsafeRawPointer(haystack.baseAddress!)
          if offset + needle.count > haystack.count { return false }
          if memcmp(found, needle.baseAddress!, needle.count) == 0 { return true }
          start = offset + 1
        }
        return false
      }
    }
  }
}
