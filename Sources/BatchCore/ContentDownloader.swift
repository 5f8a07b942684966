import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Streams one file's content to disk: temporary file beside the target, chunked writes, then an atomic rename.
///
/// The content never sits whole in memory. On any failure or cancellation the temporary file is removed, so an
/// interrupted download leaves nothing behind; without `overwrite` an existing target is never replaced.
struct ContentDownloader {
  let client: BatchClient
  let request: DownloadRequest
  let progress: (@Sendable (DownloadProgress) -> Void)?

  func run() async throws -> DownloadResult {
    let destination = request.destination
    if !request.overwrite, FileManager.default.fileExists(atPath: destination) {
      throw BatchError.localFile(path: destination, reason: "file exists (use --force to overwrite)")
    }
    try client.configuration.checkTransport()
    // The temporary file comes first so a missing directory fails before any request is made.
    let file = try TemporaryFile(beside: destination)
    do {
      let response = try await openContent()
      let total = response.headers.first(name: "content-length").flatMap { Int64($0) }
      let written: Int64
      do {
        written = try await save(response.body, to: file, total: total)
      } catch let error as BatchError {
        throw error
      } catch {
        throw try client.mapTransportError(error)
      }
      if let total, total != written {
        throw BatchError.transport("download truncated: got \(written) of \(total) bytes")
      }
      try file.commit(to: destination, overwrite: request.overwrite)
      return DownloadResult(path: destination, bytes: written, fileID: request.fileID)
    } catch {
      file.discard()
      throw error
    }
  }

  /// Writes the body to the file and returns its length; fails with a timeout when the server has sent nothing for
  /// `requestTimeout`.
  private func save(_ body: HTTPClientResponse.Body, to file: TemporaryFile, total: Int64?) async throws -> Int64 {
    // The reading task is the only one to touch the file until the watchdog returns.
    nonisolated(unsafe) let file = file
    let progress = self.progress
    return try await IdleWatchdog(seconds: client.configuration.requestTimeout).run { activity in
      var written: Int64 = 0
      for try await chunk in body {
        try file.write(chunk)
        written += Int64(chunk.readableBytes)
        progress?(DownloadProgress(bytes: written, total: total))
        activity.touch()
      }
      return written
    }
  }

  /// Requests the content, retrying until the response head arrives, and follows a redirect without the key.
  private func openContent() async throws -> HTTPClientResponse {
    let path = "/v1/files/\(IDValidator.pathSegment(request.fileID))/content"
    var httpRequest = client.makeRequest(.GET, path, accept: "application/octet-stream")
    var retry = 0
    var redirects = 0
    while true {
      var failure: BatchError
      var retryAfter: Double?
      do {
        let response = try await client.http.execute(
          httpRequest, timeout: .milliseconds(Int64(client.configuration.requestTimeout * 1000)))
        let status = Int(response.status.code)
        if (200..<300).contains(status) { return response }
        if (301...308).contains(status), let location = response.headers.first(name: "location"), redirects < 5 {
          // A presigned storage URL: follow it, but never send the key to another host.
          redirects += 1
          httpRequest = HTTPClientRequest(url: location)
          httpRequest.headers.add(name: "User-Agent", value: client.configuration.userAgent)
          continue
        }
        let body = try await IdleWatchdog(seconds: client.configuration.requestTimeout).run { _ in
          try await response.body.collect(upTo: 1 << 20)
        }
        failure = client.httpError(
          .init(status: status, headers: response.headers, body: body), resource: .file, id: request.fileID)
        guard RetryPolicy.isRetryable(status: status) else { throw failure }
        retryAfter = failure.retryAfter
      } catch let error as BatchError {
        throw error
      } catch {
        failure = try client.mapTransportError(error)
        guard failure.isTransient else { throw failure }
      }
      try await client.pause(before: retry, retryAfter: retryAfter, path: path, reason: "\(failure)", or: failure)
      retry += 1
    }
  }
}
