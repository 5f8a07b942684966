import BatchCore

/// The API used when no key is configured: every call fails with `BatchError.missingAPIKey` (exit 4).
///
/// It lets `help` run without a key while every command that needs the server says how to get one.
public struct MissingKeyAPI: BatchAPI {
  public init() {}

  public func get(_ id: String) async throws -> BatchJob { throw BatchError.missingAPIKey }
  public func list() async throws -> [BatchJob] { throw BatchError.missingAPIKey }
  public func cancel(_ id: String) async throws -> BatchJob { throw BatchError.missingAPIKey }
  public func file(_ id: String) async throws -> BatchFile { throw BatchError.missingAPIKey }
  public func download(_ request: DownloadRequest, progress: (@Sendable (DownloadProgress) -> Void)?) async throws
    -> DownloadResult
  { throw BatchError.missingAPIKey }
}
