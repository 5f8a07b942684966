import BatchCore

/// Follows jobs on the server and streams what happens to them; BatchCore's `WatchHub` is the real one.
///
/// The stream follows `WatchEvent`'s contract: a `snapshot`, changes, and `finished` with the summary (or an error).
/// Ending the iteration stops the polling for this request; it never cancels a remote job.
public protocol WatchService: Sendable {
  func watch(_ request: WatchRequest) async -> AsyncThrowingStream<WatchEvent, any Error>
}
