import Foundation
import Testing

@testable import BatchCore

/// Decoding and encoding of `BatchJob` in the Together wire format, by `Codable` and by the byte decoder (every
/// decoding test runs both and requires the same job).
@Suite struct BatchJobTests {
  static let full = """
    {"id":"batch-1","user_id":"user-9","input_file_id":"file-in","file_size_bytes":2048,"status":"COMPLETED",
     "job_deadline":"2024-01-16T15:45:30Z","created_at":"2024-01-15T15:45:30.123456Z",
     "endpoint":"/v1/chat/completions","progress":100,"model_id":"meta-llama/Llama-3.3-70B-Instruct-Turbo",
     "output_file_id":"file-out","error_file_id":"file-err","error":"3 lines failed",
     "completed_at":"2024-01-15T17:45:30+02:00"}
    """

  static func decode(_ json: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> BatchJob {
    let codable = try JSONDecoder().decode(BatchJob.self, from: Data(json.utf8))
    let bytes = Array(json.utf8)
    let scanned = try bytes.withUnsafeBufferPointer { buffer throws(JSONScanner.Failure) in
      try BatchJob.decode(json: buffer)
    }
    #expect(scanned == codable, "the byte decoder disagrees with Codable", sourceLocation: sourceLocation)
    return scanned
  }

  @Test("every wire field is decoded")
  func decodesEveryField() throws {
    let job = try Self.decode(Self.full)
    #expect(job.id == "batch-1")
    #expect(job.userID == "user-9")
    #expect(job.inputFileID == "file-in")
    #expect(job.fileSizeBytes == 2048)
    #expect(job.status == .completed)
    #expect(job.jobDeadline?.date == Date(timeIntervalSince1970: 1_705_419_930))
    #expect(job.createdAt?.raw == "2024-01-15T15:45:30.123456Z")
    #expect(abs((job.createdAt?.date?.timeIntervalSince1970 ?? 0) - 1_705_333_530.123456) < 0.000_01)
    #expect(job.endpoint == "/v1/chat/completions")
    #expect(job.progress == 100)
    #expect(job.modelID == "meta-llama/Llama-3.3-70B-Instruct-Turbo")
    #expect(job.outputFileID == "file-out")
    #expect(job.errorFileID == "file-err")
    #expect(job.error == "3 lines failed")
    #expect(job.completedAt?.date == Date(timeIntervalSince1970: 1_705_333_530))
    #expect(job.isTerminal)
  }

  @Test("unknown fields are ignored and absent fields stay nil")
  func unknownAndAbsentFields() throws {
    let job = try Self.decode(#"{"id":"b","object":"batch","priority":3,"nested":{"x":[1,2]},"status":"VALIDATING"}"#)
    #expect(job.id == "b")
    #expect(job.status == .validating)
    #expect(job.progress == nil && job.outputFileID == nil && job.createdAt == nil && job.error == nil)
    #expect(try Self.decode("{}").id == "")
  }

  @Test("an unknown status is kept verbatim and is not terminal")
  func unknownStatus() throws {
    let job = try Self.decode(#"{"id":"b","status":"PAUSED_FOR_REVIEW"}"#)
    #expect(job.status?.rawValue == "PAUSED_FOR_REVIEW")
    #expect(job.status?.isKnown == false)
    #expect(!job.isTerminal)
  }

  @Test("a field of the wrong type is treated as absent, not as an error")
  func wrongTypes() throws {
    let job = try Self.decode(
      #"{"id":7,"status":42,"progress":"half","created_at":1705333530,"file_size_bytes":"big","error":{"m":1},"#
        + #""output_file_id":["x"],"model_id":null}"#)
    #expect(job.id == "")
    #expect(job.status == nil)
    #expect(job.progress == nil)
    #expect(job.createdAt == nil)
    #expect(job.fileSizeBytes == nil)
    #expect(job.error == nil)
    #expect(job.outputFileID == nil)
    #expect(job.modelID == nil)
  }

  @Test(
    "progress is kept raw, as a percentage or as an old-style fraction",
    arguments: [
      (0.5, 0.005), (37.5, 0.375), (100, 1), (150, 1), (-3, 0),
    ])
  func progressRaw(wire: Double, fraction: Double) throws {
    let job = try Self.decode(#"{"id":"b","progress":\#(wire)}"#)
    #expect(job.progress == wire)
    #expect(abs((job.progressFraction ?? -1) - fraction) < 1e-9)
  }

  @Test("a fractional file size is rounded, a negative one kept")
  func fileSizeAsDouble() throws {
    #expect(try Self.decode(#"{"file_size_bytes":2048.0}"#).fileSizeBytes == 2048)
    #expect(try Self.decode(#"{"file_size_bytes":-1}"#).fileSizeBytes == -1)
  }

  @Test("encoding omits absent fields and round-trips raw timestamps byte for byte")
  func encodeRoundTrip() throws {
    let job = try Self.decode(Self.full)
    let data = try JSONEncoder().encode(job)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object["created_at"] as? String == "2024-01-15T15:45:30.123456Z")
    #expect(object["completed_at"] as? String == "2024-01-15T17:45:30+02:00")
    #expect(Set(object.keys) == Set(BatchJob.CodingKeys.allCases.map(\.rawValue)))
    #expect(try JSONDecoder().decode(BatchJob.self, from: data) == job)

    let sparse = BatchJob(id: "b", status: .inProgress, createdAt: BatchTimestamp(raw: "not a date"))
    let text = String(decoding: try JSONEncoder().encode(sparse), as: UTF8.self)
    #expect(!text.contains("null"))
    let keys = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]).keys
    #expect(Set(keys) == ["id", "status", "created_at"])
    #expect(text.contains(#""created_at":"not a date""#))
  }

  @Test("a list decodes as a bare array, or from the data of a page")
  func list() throws {
    let text = "[\(Self.full),{\"id\":\"b2\"}]"
    let jobs = try JSONDecoder().decode([BatchJob].self, from: Data(text.utf8))
    #expect(jobs.map(\.id) == ["batch-1", "b2"])
    for wrapped in [text, #"{"object":"list","data":\#(text),"has_more":false}"#] {
      let bytes = Array(wrapped.utf8)
      #expect(try bytes.withUnsafeBufferPointer { buffer throws(JSONScanner.Failure) in
        try BatchJob.decodeList(json: buffer)
      } == jobs)
    }
  }
}
