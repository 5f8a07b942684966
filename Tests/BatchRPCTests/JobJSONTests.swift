@testable import BatchRPC
import BatchCommands
import BatchCore
import Foundation
import Testing

/// The direct job writer says exactly what `BatchJob.encode(to:)` says, for every field and awkward value.
struct JobJSONTests {
  private func viaFoundation(_ job: BatchJob) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(job))
  }

  private func direct(_ job: BatchJob) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: Data(JobJSON.bytes(job)))
  }

  @Test func writesEveryFieldOfAFullJob() throws {
    let job = ResultEncoderTests.running
    var full = job
    full.outputFileID = "file-out"
    full.errorFileID = "file-err"
    full.error = "bad \"line\" 3\n\t\u{1}"
    full.completedAt = BatchTimestamp(raw: "not a date")
    let written = try direct(full)
    #expect(written == (try viaFoundation(full)))
    #expect(written.objectValue?.count == BatchJob.CodingKeys.allCases.count)
  }

  @Test func bytesMatchASortedKeysEncoderForPlainJobs() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    for progress in [42.0, 12.5, 0, 100] {
      var job = ResultEncoderTests.running
      job.progress = progress
      job.outputFileID = "file-out"
      job.endpoint = "/v1/chat/completions"
      job.error = "a \"quoted\" word"
      #expect(String(decoding: JobJSON.bytes(job), as: UTF8.self)
        == String(decoding: try encoder.encode(job), as: UTF8.self))
    }
  }

  @Test func omitsAbsentFields() throws {
    let bare = BatchJob(id: "")
    #expect(String(decoding: JobJSON.bytes(bare), as: UTF8.self) == #"{"id":""}"#)
  }

  @Test func agreesWithFoundationOnRandomJobs() throws {
    var random = SeededRandom(seed: 99)
    let texts = ["", "a", "é✓😀", "q\"b\\s/", "line\nbreak", "\u{7F}\u{0}"]
    func text() -> String? { Bool.random(using: &random) ? texts.randomElement(using: &random) : nil }
    for _ in 0..<200 {
      let job = BatchJob(
        id: texts.randomElement(using: &random)!, userID: text(), inputFileID: text(),
        fileSizeBytes: Bool.random(using: &random) ? Int64.random(in: -5...Int64.max, using: &random) : nil,
        status: text().map(BatchStatus.init(rawValue:)), jobDeadline: text().map(BatchTimestamp.init(raw:)),
        createdAt: text().map(BatchTimestamp.init(raw:)), endpoint: text(),
        progress: Bool.random(using: &random) ? Double(Int.random(in: -100...100_000, using: &random)) / 7 : nil,
        modelID: text(), outputFileID: text(), errorFileID: text(), error: text(),
        completedAt: text().map(BatchTimestamp.init(raw:)))
      #expect(try direct(job) == (try viaFoundation(job)))
    }
  }
}
