import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// The request loop shared by every operation: headers, one attempt, retries and the mapping of failures to
/// `BatchError`.
extension BatchClient {
  struct Response: Sendable {
    var status: Int
    var headers: HTTPHeaders
    var body: ByteBuffer
  }

  /// The standard headers of every request: user agent, accepted type, the key.
  static func headers(_ configuration: BatchClientConfiguration, accept: String) -> HTTPHeaders {
    var headers = HTTPHeaders()
    headers.add(name: "User-Agent", value: configuration.userAgent)
    headers.add(name: "Accept", value: accept)
    if let key = configuration.apiKey { headers.add(name: "Authorization", value: "Bearer \(key)") }
    return headers
  }

  /// Builds a streaming request for an API path with the standard headers (file content).
  func makeRequest(_ method: HTTPMethod, _ path: String, accept: String) -> HTTPClientRequest {
    var request = HTTPClientRequest(url: configuration.url(path))
    request.method = method
    request.headers = Self.headers(configuration, accept: accept)
    return request
  }

  /// Sends a request, retrying transient failures, and returns a 2xx response with its whole body.
  func send(_ method: HTTPMethod, _ path: String, resource: BatchError.Resource, id: String?) async throws -> Response {
    try configuration.checkTransport()
    let (url, headers) = (configuration.url(path), jsonHeaders)
    var retry = 0
    while true {
      let outcome: Result<Response, BatchError>
      do {
        outcome = .success(try await attempt(method, url: url, headers: headers))
      } catch {
        outcome = .failure(try mapTransportError(error))
      }
      let retryAfter: Double?
      switch outcome {
      case .success(let response) where (200..<300).contains(response.status):
        return response
      case .success(let response):
        let error = httpError(response, resource: resource, id: id)
        guard RetryPolicy.isRetryable(status: response.status) else { throw error }
        retryAfter = error.retryAfter
        try await pause(before: retry, retryAfter: retryAfter, path: path, reason: "HTTP \(response.status)", or: error)
      case .failure(let error):
        guard error.isTransient else { throw error }
        try await pause(before: retry, retryAfter: nil, path: path, reason: "\(error)", or: error)
      }
      retry += 1
    }
  }

  /// Sends one request and returns the response with its whole body; cancelling the calling task cancels it.
  ///
  /// It fails once the server has sent nothing for `requestTimeout` (`ResponseCollector`). Through the callback API,
  /// so that from an event loop (a loop run on `connectionExecutor`) the request is sent and answered on that loop
  /// and the task never leaves its thread; the async API would start a task per request on the concurrency pool, to
  /// watch for cancellation. From the pool the answer may come on another loop than the connection's, a hop more:
  /// sequential gets from the pool were no slower for it (`scripts/bench/client`).
  func attempt(_ method: HTTPMethod, url: String, headers: HTTPHeaders) async throws -> Response {
    let request = try HTTPClient.Request(url: url, method: method, headers: headers)
    let task = ResponseCollector.execute(
      request, on: http, limit: configuration.responseLimit,
      idleTimeout: .milliseconds(Int64(configuration.requestTimeout * 1000)))
    return try await withTaskCancellationHandler {
      try await task.futureResult.get()
    } onCancel: {
      task.cancel()
    }
  }

  /// Sleeps before the next retry, or throws `error` when the policy says to stop.
  func pause(before retry: Int, retryAfter: Double?, path: String, reason: String, or error: BatchError) async throws {
    guard let delay = configuration.retryPolicy.delay(beforeRetry: retry, retryAfter: retryAfter,
      random: Double.random(in: 0..<1))
    else { throw error }
    logger.debug("retrying", metadata: ["path": "\(path)", "reason": "\(reason)", "delay": "\(delay)"])
    try await Task.sleep(for: .milliseconds(Int64(delay * 1000)))
  }

  /// Turns a non-2xx response into the matching error.
  func httpError(_ response: Response, resource: BatchError.Resource, id: String?) -> BatchError {
    let message = APIErrorBody.message(from: response.body.readableBytesView).map(configuration.redacting)
    switch response.status {
    case 401, 403:
      return .unauthorized(status: response.status, apiMessage: message)
    case 404:
      return .notFound(resource: resource, id: id ?? "", apiMessage: message)
    case 408:
      return .timeout(seconds: configuration.requestTimeout)
    case 429:
      let wait = RetryAfter.seconds(
        retryAfterMS: response.headers.first(name: "retry-after-ms"),
        retryAfter: response.headers.first(name: "retry-after"))
      return .rateLimited(retryAfter: wait, apiMessage: message)
    case 500...599:
      return .server(status: response.status, apiMessage: message ?? nonJSONExcerpt(response.body))
    case 300..<400:
      return .invalidResponse(reason: "unexpected redirect (\(response.status))", excerpt: "")
    default:
      return .badRequest(status: response.status, apiMessage: message ?? nonJSONExcerpt(response.body))
    }
  }

  /// A short excerpt of a body that is not a JSON error (an HTML page from a proxy, say), or nil when empty.
  func nonJSONExcerpt(_ body: ByteBuffer) -> String? {
    let excerpt = configuration.redacting(APIErrorBody.excerpt(body.readableBytesView, limit: 80))
    return excerpt.isEmpty ? nil : excerpt
  }

  /// Maps an error thrown by the HTTP layer to `BatchError`; task cancellation is rethrown as `CancellationError`.
  func mapTransportError(_ error: any Error) throws -> BatchError {
    if error is CancellationError || Task.isCancelled { throw CancellationError() }
    if let error = error as? HTTPClientError {
      switch error {
      case .cancelled: throw CancellationError()
      case .connectTimeout: return .timeout(seconds: configuration.connectTimeout)
      case .deadlineExceeded, .readTimeout, .writeTimeout: return .timeout(seconds: configuration.requestTimeout)
      case .remoteConnectionClosed: return .transport("the server closed the connection")
      default: return .transport(String(describing: error))
      }
    }
    if let error = error as? BatchError { return error }
    if error is NIOTooManyBytesError || error is ResponseCollector.TooBig {
      let limit = configuration.responseLimit
      let size = limit >= 1 << 20 && limit % (1 << 20) == 0 ? "\(limit >> 20) MiB" : "\(limit) bytes"
      return .invalidResponse(reason: "response larger than \(size)", excerpt: "")
    }
    return .transport(Self.describe(error))
  }

  /// A short description of a low-level error without type noise.
  static func describe(_ error: any Error) -> String {
    let text = String(describing: error)
    if text.contains("connection refused") || text.contains("Connection refused") { return "connection refused" }
    return text.count > 200 ? String(text.prefix(200)) + "…" : text
  }
}
