/// The operations of the Together Batch API that batchsh uses; `BatchClient` is the real one.
///
/// Every method throws `BatchError` for API failures and `CancellationError` when its task is cancelled. The watch
/// engine and the command handlers depend on this protocol so tests can drive them without a network.
public protocol BatchAPI: Sendable {
  /// Fetches one job.
  func get(_ id: String) async throws -> BatchJob
  /// Fetches every job, in the order the server sent them.
  func list() async throws -> [BatchJob]
  /// Asks the server to cancel a job; a job already cancelling or cancelled counts as success.
  func cancel(_ id: String) async throws -> BatchJob
  /// Fetches a file's metadata.
  func file(_ id: String) async throws -> BatchFile
  /// Streams a file's content to `destination` (see `DownloadRequest`), reporting progress as it goes.
  func download(_ request: DownloadRequest, progress: (@Sendable (DownloadProgress) -> Void)?) async throws
    -> DownloadResult
}

/// What to download and where.
public struct DownloadRequest: Sendable, Equatable {
  public var fileID: String
  /// The final path of the file; the content goes to a temporary file beside it and is renamed into place.
  public var destination: String
  /// Whether an existing file at `destination` may be replaced.
  public var overwrite: Bool

  public init(fileID: String, destination: String, overwrite: Bool = false) {
    self.fileID = fileID
    self.destination = destination
    self.overwrite = overwrite
  }
}

/// How far a download has got.
public struct DownloadProgress: Sendable, Equatable {
  public var bytes: Int64
  /// The total size when the server said (Content-Length).
  public var total: Int64?

  public init(bytes: Int64, total: Int64?) {
    self.bytes = bytes
    self.total = total
  }
}

/// A finished download: where it went and how big it is.
public struct DownloadResult: Sendable, Equatable, Codable {
  public var path: String
  public var bytes: Int64
  public var fileID: String

  public init(path: String, bytes: Int64, fileID: String) {
    self.path = path
    self.bytes = bytes
    self.fileID = fileID
  }

  enum CodingKeys: String, CodingKey {
    case path, bytes
    case fileID = "file_id"
  }
}
