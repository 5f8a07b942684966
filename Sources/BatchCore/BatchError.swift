import Foundation

/// Every way a request to the Batch API can fail, each with a message fit to show a user.
///
/// Messages never contain the API key: the client never puts it anywhere but the `Authorization` header, and
/// server text is passed through `BatchClientConfiguration.redacting(_:)` in case a proxy echoes the header back.
public enum BatchError: Error, Sendable, Equatable {
  /// The job or file does not exist (HTTP 404).
  case notFound(resource: Resource, id: String, apiMessage: String?)
  /// The key is missing, wrong or lacks access (HTTP 401 or 403).
  case unauthorized(status: Int?, apiMessage: String?)
  /// The server asked us to slow down (HTTP 429) and retries ran out; `retryAfter` in seconds when it said.
  case rateLimited(retryAfter: Double?, apiMessage: String?)
  /// The server failed (HTTP 5xx) and retries ran out.
  case server(status: Int, apiMessage: String?)
  /// The server refused the request for another reason (other HTTP 4xx).
  case badRequest(status: Int, apiMessage: String?)
  /// The operation does not apply to the job in its current state (cancel of a finished job, download before
  /// completion); `status` is the job's status when known.
  case invalidState(id: String, status: BatchStatus?, message: String)
  /// The connection could not be made or broke (after retries).
  case transport(String)
  /// No answer within the request timeout (after retries).
  case timeout(seconds: Double)
  /// The server answered something that is not what the API promises; `excerpt` is the start of the body.
  case invalidResponse(reason: String, excerpt: String)
  /// An id that cannot be a job or file id; nothing was sent.
  case invalidID(String, reason: String)
  /// The key would be sent in clear text to a host that is not this machine.
  case insecureTransport(host: String)
  /// No API key is configured.
  case missingAPIKey
  /// A local file could not be written (download).
  case localFile(path: String, reason: String)

  /// What kind of thing was not found.
  public enum Resource: String, Sendable {
    case job
    case file
  }

  /// The HTTP status behind the error, when there was one.
  public var httpStatus: Int? {
    switch self {
    case .notFound: return 404
    case .unauthorized(let status, _): return status
    case .rateLimited: return 429
    case .server(let status, _), .badRequest(let status, _): return status
    default: return nil
    }
  }

  /// The server's own words, when it gave any.
  public var apiMessage: String? {
    switch self {
    case .notFound(_, _, let m), .unauthorized(_, let m), .rateLimited(_, let m), .server(_, let m),
      .badRequest(_, let m):
      return m
    default: return nil
    }
  }

  /// Seconds the server asked us to wait, when it did.
  public var retryAfter: Double? {
    if case .rateLimited(let seconds, _) = self { return seconds }
    return nil
  }

  /// Whether the failure may go away by itself (used by watches to keep going).
  public var isTransient: Bool {
    switch self {
    case .rateLimited, .server, .transport, .timeout: return true
    default: return false
    }
  }
}

extension BatchError: LocalizedError, CustomStringConvertible {
  public var errorDescription: String? { description }

  public var description: String {
    switch self {
    case .notFound(let resource, let id, let message) where id.isEmpty:
      // A 404 for the list itself: the base URL points at something that is not the Batch API.
      return "the server has no \(resource.rawValue) list (404)\(message.map { ": \($0)" } ?? ""); check --base-url "
        + "and TOGETHER_BASE_URL"
    case .notFound(let resource, let id, _):
      return "\(resource.rawValue) '\(id)' not found"
    case .unauthorized(let status, let message):
      let what = status == 403 ? "access denied (403)" : "unauthorized (401)"
      return "\(what): \(message ?? "the API key was rejected"); check TOGETHER_API_KEY"
    case .rateLimited(let retryAfter, let message):
      var text = "rate limited by the server (429)"
      if let retryAfter { text += ", retry after \(Self.seconds(retryAfter))" }
      if let message { text += ": \(message)" }
      return text
    case .server(let status, let message):
      return "server error (\(status))" + (message.map { ": \($0)" } ?? "")
    case .badRequest(let status, let message):
      return "request refused (\(status))" + (message.map { ": \($0)" } ?? "")
    case .invalidState(_, _, let message):
      return message
    case .transport(let reason):
      return "network error: \(reason)"
    case .timeout(let seconds):
      return "timed out after \(Self.seconds(seconds)) waiting for the server"
    case .invalidResponse(let reason, let excerpt):
      return excerpt.isEmpty ? "invalid response from the server: \(reason)"
        : "invalid response from the server: \(reason): \(excerpt)"
    case .invalidID(let id, let reason):
      return "invalid id '\(Self.printable(id))': \(reason)"
    case .insecureTransport(let host):
      return "refusing to send the API key over plain http:// to \(host); use https:// (plain http is allowed only for loopback hosts)"
    case .missingAPIKey:
      return "no API key: set TOGETHER_API_KEY (create one at https://api.together.ai/settings/api-keys), or run with --sim to use the built-in simulator"
    case .localFile(let path, let reason):
      return "cannot write '\(path)': \(reason)"
    }
  }

  static func seconds(_ value: Double) -> String {
    value == value.rounded() ? "\(Int(value))s" : String(format: "%.1fs", value)
  }

  /// An id made safe to echo: control characters escaped, long ids cut.
  static func printable(_ id: String) -> String {
    var out = ""
    for scalar in id.unicodeScalars.prefix(80) {
      if scalar.properties.generalCategory == .control { out += "\\u{\(String(scalar.value, radix: 16))}" }
      else { out.unicodeScalars.append(scalar) }
    }
    return id.unicodeScalars.count > 80 ? out + "…" : out
  }
}
