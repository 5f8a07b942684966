import Foundation
import HummingbirdCore

/// Dispatches every request: control routes, then counting and faults, then auth, then the API routes.
///
/// A hand-written dispatcher on HummingbirdCore (no `Router`, no `Application`) keeps the hot
/// `GET /v1/batches/{id}` path lean: no middleware chain, no per-request logger or request id.
struct SimulatorResponder: Sendable {
  let store: JobStore
  let apiKey: String?
  let batches: BatchRoutes
  let files: FileRoutes
  let control: ControlRoutes

  init(store: JobStore, apiKey: String?) {
    self.store = store
    self.apiKey = apiKey
    self.batches = BatchRoutes(store: store)
    self.files = FileRoutes(store: store)
    self.control = ControlRoutes(store: store)
  }

  /// Answers one request; throws ``FaultInjector/ConnectionCut`` when the connection must close unanswered.
  func respond(to request: Request) async throws -> Response {
    let path = request.uri.path
    let parts = path.split(separator: "/")
    if parts.first == "_sim" {
      let body = try await request.body.collect(upTo: 1 << 20)
      return control.respond(method: request.method, parts: Array(parts.dropFirst()), body: body).response()
    }
    let shape = Self.errorShape(parts)
    if let fault = store.ledger.record(method: request.method.rawValue, path: path) {
      return try await FaultInjector.apply(fault, shape: shape) {
        try await route(request, parts, shape)
      }
    }
    return try await route(request, parts, shape).response()
  }

  // MARK: - Private

  private func route(_ request: Request, _ parts: [Substring], _ shape: SimResponse.ErrorShape) async throws
    -> SimResponse
  {
    guard parts.first == "v1" else { return Self.noRoute(request) }
    guard authorized(request.headers[.authorization]) else {
      let message = request.headers[.authorization] == nil ? "missing Authorization: Bearer header" : "invalid API key"
      return .error(.unauthorized, message, shape: shape == .object ? .object : .string, code: "invalid_api_key")
    }
    let method = request.method
    switch (parts.count > 1 ? parts[1] : "", parts.count) {
    case ("batches", 2):
      if method == .get { return batches.list() }
      if method == .post { return batches.create(try await request.body.collect(upTo: 1 << 20)) }
      return Self.notAllowed(request, allow: "GET, POST")
    case ("batches", 3):
      return method == .get ? batches.get(Self.id(parts[2])) : Self.notAllowed(request, allow: "GET")
    case ("batches", 4) where parts[3] == "cancel":
      return method == .post ? batches.cancel(Self.id(parts[2])) : Self.notAllowed(request, allow: "POST")
    case ("files", 3):
      return method == .get ? files.get(Self.id(parts[2])) : Self.notAllowed(request, allow: "GET")
    case ("files", 4) where parts[3] == "content":
      return method == .get ? files.content(Self.id(parts[2])) : Self.notAllowed(request, allow: "GET")
    default:
      return Self.noRoute(request)
    }
  }

  private func authorized(_ header: String?) -> Bool {
    guard let header, header.utf8.count > 7 else { return false }
    let scheme = header.utf8.prefix(7)
    guard scheme.elementsEqual("Bearer ".utf8) || scheme.elementsEqual("bearer ".utf8) else { return false }
    let key = header.utf8.dropFirst(7)
    if let apiKey { return key.elementsEqual(apiKey.utf8) }
    return key.contains { $0 != UInt8(ascii: " ") }
  }

  private static func errorShape(_ parts: [Substring]) -> SimResponse.ErrorShape {
    guard parts.count >= 2, parts[0] == "v1" else { return .details }
    switch parts[1] {
    case "batches": return .string
    case "files": return .object
    default: return .details
    }
  }

  private static func id(_ part: Substring) -> String {
    part.utf8.contains(UInt8(ascii: "%")) ? (part.removingPercentEncoding ?? String(part)) : String(part)
  }

  private static func noRoute(_ request: Request) -> SimResponse {
    .error(.notFound, "no route for \(request.method) \(request.uri.path)", shape: .details)
  }

  private static func notAllowed(_ request: Request, allow: String) -> SimResponse {
    var response = SimResponse.error(
      .methodNotAllowed, "\(request.method) is not allowed on \(request.uri.path)", shape: .details)
    response.headers[.allow] = allow
    return response
  }
}
