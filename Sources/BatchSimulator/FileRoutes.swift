import Hummingbird

/// The `/v1/files` routes: metadata and streamed content, with errors as `{"error": {"message", …}}`.
struct FileRoutes: Sendable {
  let store: JobStore

  /// `GET /v1/files/{id}`: the `FileResponse` object.
  func get(_ id: String) -> SimResponse {
    guard let file = store.file(id) else { return notFound(id) }
    return .json(file.json())
  }

  /// `GET /v1/files/{id}/content`: the content, streamed with an exact `Content-Length`.
  func content(_ id: String) -> SimResponse {
    guard let file = store.file(id) else { return notFound(id) }
    return SimResponse(
      status: .ok,
      headers: [
        .contentType: "application/octet-stream",
        .contentDisposition: "attachment; filename=\"\(file.filename)\"",
      ],
      body: .file(file))
  }

  private func notFound(_ id: String) -> SimResponse {
    .error(.notFound, "file \(id) not found", shape: .object, code: "file_not_found")
  }
}
