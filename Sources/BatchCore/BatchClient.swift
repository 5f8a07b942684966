import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// The Together Batch API over HTTP: get, list and cancel jobs, read file metadata, stream file content.
///
/// One process-wide HTTP client is shared by every `BatchClient`, so connections are reused. GETs and cancels are
/// retried on connection errors, timeouts, 408, 429 and 5xx according to the configuration's `RetryPolicy`.
public struct BatchClient: BatchAPI {
  public let configuration: BatchClientConfiguration
  let http: HTTPClient
  let logger: Logger
  /// The headers of every JSON request, made once: the key's `Bearer` line is a new string each time it is made.
  let jsonHeaders: HTTPHeaders

  public init(configuration: BatchClientConfiguration, logger: Logger = Logger(label: "batchsh.client")) {
    self.configuration = configuration
    self.http = HTTPClientCache.client(connectTimeout: configuration.connectTimeout)
    self.logger = logger
    self.jsonHeaders = Self.headers(configuration, accept: "application/json")
  }

  // MARK: - Jobs

  public func get(_ id: String) async throws -> BatchJob {
    try IDValidator.validate(id)
    let response = try await send(.GET, "/v1/batches/\(IDValidator.pathSegment(id))", resource: .job, id: id)
    var job = try decode(response.body, expecting: "a batch job", with: BatchJob.decode(json:))
    if job.id.isEmpty { job.id = id }
    return job
  }

  /// Every job; an OpenAI-style page (`{"data": [...]}`) is read too, should the API ever move to one.
  public func list() async throws -> [BatchJob] {
    let response = try await send(.GET, "/v1/batches", resource: .job, id: nil)
    return try decode(response.body, expecting: "an array of batch jobs", with: BatchJob.decodeList(json:))
  }

  public func cancel(_ id: String) async throws -> BatchJob {
    try IDValidator.validate(id)
    do {
      let path = "/v1/batches/\(IDValidator.pathSegment(id))/cancel"
      let response = try await send(.POST, path, resource: .job, id: id)
      var job = (try? decode(response.body, expecting: "a batch job", with: BatchJob.decode(json:))) ?? BatchJob(id: id)
      if job.id.isEmpty { job.id = id }
      if job.status == nil { job = (try? await get(id)) ?? job }
      return job
    } catch let error as BatchError {
      guard case .badRequest(let status, let apiMessage) = error, [400, 409, 422].contains(status) else { throw error }
      // The server refuses to cancel a job in its current state: say which state, or succeed when it is already
      // being cancelled (cancel is idempotent from the user's point of view).
      let job = try await get(id)
      if let state = job.status, state.isCancellation { return job }
      let state = job.status.map { "it is \($0.rawValue)" } ?? "the server refused"
      let detail = apiMessage.map { " (server: \($0))" } ?? ""
      throw BatchError.invalidState(id: id, status: job.status, message: "cannot cancel job '\(id)': \(state)\(detail)")
    }
  }

  // MARK: - Files

  public func file(_ id: String) async throws -> BatchFile {
    try IDValidator.validate(id)
    let response = try await send(.GET, "/v1/files/\(IDValidator.pathSegment(id))", resource: .file, id: id)
    var file = try decode(BatchFile.self, from: response.body, expecting: "file metadata")
    if file.id.isEmpty { file.id = id }
    return file
  }

  public func download(_ request: DownloadRequest, progress: (@Sendable (DownloadProgress) -> Void)?) async throws
    -> DownloadResult
  {
    try IDValidator.validate(request.fileID)
    // The file is written from the task that reads the body: never from an event loop, whatever the caller prefers.
    return try await withTaskExecutorPreference(globalConcurrentExecutor) {
      try await ContentDownloader(client: self, request: request, progress: progress).run()
    }
  }

  // MARK: - Decoding

  func decode<T: Decodable>(_ type: T.Type, from body: ByteBuffer, expecting what: String) throws -> T {
    do {
      return try JSONDecoder().decode(type, from: body)
    } catch {
      throw invalidBody(body, expecting: what)
    }
  }

  /// Decodes a body with one of `BatchJob`'s byte decoders.
  func decode<T>(
    _ body: ByteBuffer, expecting what: String,
    with decoder: (UnsafeBufferPointer<UInt8>) throws(JSONScanner.Failure) -> T
  ) throws -> T {
    let result = body.withUnsafeReadableBytes { raw -> Result<T, JSONScanner.Failure> in
      do throws(JSONScanner.Failure) {
        return .success(try decoder(raw.assumingMemoryBound(to: UInt8.self)))
      } catch {
        return .failure(error)
      }
    }
    switch result {
    case .success(let value): return value
    case .failure(let failure): throw invalidBody(body, expecting: what, detail: failure.message)
    }
  }

  /// The error for a body that is not what was expected, with where it went wrong when known and a short excerpt.
  private func invalidBody(_ body: ByteBuffer, expecting what: String, detail: String? = nil) -> BatchError {
    var reason = body.readableBytes == 0 ? "empty body, expected \(what)" : "expected \(what)"
    if let detail, body.readableBytes > 0 { reason += " (\(detail))" }
    let excerpt = configuration.redacting(APIErrorBody.excerpt(body.readableBytesView))
    return BatchError.invalidResponse(reason: reason, excerpt: excerpt)
  }
}
