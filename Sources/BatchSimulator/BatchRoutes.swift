import Foundation
import Hummingbird
import NIOCore

/// The `/v1/batches` routes: list, create, get and cancel, with errors as `{"error": "text"}`.
struct BatchRoutes: Sendable {
  let store: JobStore

  /// `GET /v1/batches`: a bare JSON array of every job, oldest first.
  func list() -> SimResponse {
    .json(store.encodedJobList())
  }

  /// `GET /v1/batches/{id}`.
  func get(_ id: String) -> SimResponse {
    guard let buffer = store.encodedJob(id) else { return notFound(id) }
    return .json(buffer)
  }

  /// `POST /v1/batches/{id}/cancel`: the job, now `CANCELING`; 400 naming the status of a finished job.
  func cancel(_ id: String) -> SimResponse {
    switch store.cancel(id) {
    case .notFound:
      return notFound(id)
    case .finished(let status):
      return .error(.badRequest, "cannot cancel batch \(id) in status \(status)", shape: .string)
    case .accepted:
      return get(id)
    }
  }

  /// The body `POST /v1/batches` accepts.
  private struct CreateBody: Decodable {
    var endpoint: String?
    var input_file_id: String?
    var completion_window: String?
    var priority: Int?
    var model_id: String?
  }

  /// `POST /v1/batches`: 201 with `{"job": {…}, "warning"?: "…"}` (the SDK's `BatchCreateResponse`).
  func create(_ body: ByteBuffer) -> SimResponse {
    guard let request = try? JSONDecoder().decode(CreateBody.self, from: Data(body.readableBytesView)) else {
      return .error(.badRequest, "request body must be a JSON object", shape: .string)
    }
    guard let endpoint = request.endpoint, !endpoint.isEmpty else {
      return .error(.badRequest, "endpoint is required", shape: .string)
    }
    guard endpoint.hasPrefix("/v1/") else {
      return .error(.badRequest, "unsupported endpoint \(endpoint)", shape: .string)
    }
    guard let inputFileID = request.input_file_id, !inputFileID.isEmpty else {
      return .error(.badRequest, "input_file_id is required", shape: .string)
    }
    guard let input = store.file(inputFileID), input.role == .input else {
      return .error(.badRequest, "input file \(inputFileID) not found", shape: .string)
    }
    var spec = SimJobSpec(validatingSeconds: 5, runSeconds: 60)
    spec.endpoint = endpoint
    spec.inputFileID = inputFileID
    spec.inputBytes = input.bytes
    spec.outputBytes = max(1024, input.bytes * 3 / 2)
    spec.modelID = request.model_id ?? store.job(input.jobID)?.modelID ?? spec.modelID
    guard let id = try? store.addJob(spec), let job = store.job(id) else {
      return .error(.internalServerError, "could not create the batch", shape: .string)
    }
    var buffer = ByteBufferAllocator().buffer(capacity: 640)
    buffer.writeStaticString("{\"job\":")
    JobJSON.write(job, job.state(at: store.clock.now), into: &buffer)
    if let window = request.completion_window, window != "24h" {
      buffer.writeStaticString(",\"warning\":")
      buffer.writeJSONString("completion_window \(window) is not supported; the job uses 24h")
    }
    buffer.writeStaticString("}")
    return .json(buffer, status: .created)
  }

  private func notFound(_ id: String) -> SimResponse {
    .error(.notFound, "batch job \(id) not found", shape: .string)
  }
}
