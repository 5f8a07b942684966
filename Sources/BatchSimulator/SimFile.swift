import NIOCore

/// A file the simulator can describe and stream: a job's input, output or error file.
public struct SimFile: Sendable, Equatable {
  /// Which of its job's files this is.
  public enum Role: String, Sendable {
    case input, output, error
  }

  public let id: String
  public let jobID: String
  public let role: Role
  /// The exact content length in bytes.
  public let bytes: Int
  /// Unix seconds, as the Files API reports `created_at`.
  public let createdAt: Int
  public let filename: String
  let modelID: String

  /// The purpose reported for every file: the one value of the SDK's `FilePurpose` enum that fits batches.
  public static let purpose = "batch-api"

  /// A fresh generator of this file's content.
  func contentGenerator() -> FileContentGenerator {
    let kind: FileContentGenerator.Kind
    switch role {
    case .input: kind = .input
    case .output: kind = .output
    case .error: kind = .error
    }
    return FileContentGenerator(fileID: id, kind: kind, size: bytes, modelID: modelID, created: createdAt)
  }

  /// The whole content; for tests and small files only (the server streams it instead).
  public func content() -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(self.bytes)
    var generator = contentGenerator()
    while let chunk = generator.next() {
      bytes.append(contentsOf: chunk.readableBytesView)
    }
    return bytes
  }

  /// The `FileResponse` object: id, object, created_at, filename, bytes, purpose, FileType, Processed.
  func json() -> ByteBuffer {
    var buffer = ByteBufferAllocator().buffer(capacity: 256)
    buffer.writeStaticString("{")
    buffer.writeJSONKey("id")
    buffer.writeJSONString(id)
    buffer.writeStaticString(",\"object\":\"file\",")
    buffer.writeJSONKey("created_at")
    buffer.writeDecimal(createdAt)
    buffer.writeStaticString(",")
    buffer.writeJSONKey("filename")
    buffer.writeJSONString(filename)
    buffer.writeStaticString(",")
    buffer.writeJSONKey("bytes")
    buffer.writeDecimal(bytes)
    buffer.writeStaticString(",")
    buffer.writeJSONKey("purpose")
    buffer.writeJSONString(Self.purpose)
    buffer.writeStaticString(",\"FileType\":\"jsonl\",\"Processed\":true}")
    return buffer
  }
}
