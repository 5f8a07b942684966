import BatchSimulator
import Foundation
import NIOConcurrencyHelpers
import Testing

/// File content is deterministic, exactly as long as announced, valid JSONL, and streamed byte-exact.
@Suite struct FileContentTests {
  @Test(arguments: [
    1, 2, 100, 399, 400, 401, 1_000, 4_096, 65_535, 65_536, 65_537, 262_143, 262_144, 262_145, 266_300, 1_000_003,
  ])
  func contentHasExactlyTheAnnouncedSize(size: Int) throws {
    let store = JobStore(clock: .manual(start: SimulatorHarness.epoch))
    let id = try store.addJob(SimJobSpec(createdAgo: 100, outputBytes: size, errorBytes: size, inputBytes: size))
    let job = try #require(store.job(id))
    for fileID in [job.inputFileID, job.outputFileID, job.errorFileID].compactMap({ $0 }) {
      let content = try #require(store.expectedContent(fileID: fileID))
      #expect(content.count == size)
      #expect(content.last == UInt8(ascii: "\n"))
      #expect(store.expectedContent(fileID: fileID) == content)
    }
  }

  @Test func everyLineIsJSONInTogethersBatchFormats() throws {
    let store = JobStore(clock: .manual(start: SimulatorHarness.epoch))
    let id = try store.addJob(
      SimJobSpec(createdAgo: 100, outputBytes: 200_000, errorBytes: 20_000, inputBytes: 50_000, modelID: "a/\"b\""))
    let job = try #require(store.job(id))
    let files = [(job.outputFileID!, "response"), (job.errorFileID!, "error"), (job.inputFileID, "body")]
    for (fileID, key) in files {
      let content = try #require(store.expectedContent(fileID: fileID))
      let lines = content.split(separator: UInt8(ascii: "\n"))
      #expect(lines.count > 10)
      for (index, line) in lines.enumerated() {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
        #expect(object["custom_id"] as? String == "request-\(index + 1)")
        #expect(object[key] != nil)
      }
    }
    let first = try #require(store.expectedContent(fileID: job.outputFileID!)?.split(separator: 10).first)
    let line = try #require(try JSONSerialization.jsonObject(with: Data(first)) as? [String: Any])
    let response = try #require(line["response"] as? [String: Any])
    #expect(response["status_code"] as? Int == 200 && line["error"] is NSNull)
    let body = try #require(response["body"] as? [String: Any])
    #expect(body["object"] as? String == "chat.completion" && body["model"] as? String == "a/\"b\"")
  }

  @Test func aLongEscapedModelIDKeepsSizesExactAndLinesJSON() throws {
    let store = JobStore(clock: .manual(start: SimulatorHarness.epoch))
    let model = String(repeating: "\u{1}\"\\é", count: 5_000)
    for size in [1, 500, 70_000, 600_000] {
      let id = try store.addJob(
        SimJobSpec(createdAgo: 100, outputBytes: size, errorBytes: size, inputBytes: size, modelID: model))
      let job = try #require(store.job(id))
      for fileID in [job.inputFileID, job.outputFileID, job.errorFileID].compactMap({ $0 }) {
        let content = try #require(store.expectedContent(fileID: fileID))
        #expect(content.count == size)
        for line in content.split(separator: UInt8(ascii: "\n")) where line.first == UInt8(ascii: "{") {
          #expect(try JSONSerialization.jsonObject(with: Data(line)) is [String: Any])
        }
      }
    }
  }

  /// FNV-1a digests of one job's three files, recorded from the generator before it wrote to raw memory: the
  /// content of a given file must not change between versions (tests and users compare downloads against it).
  @Test func contentIsTheSameAsBefore() throws {
    let store = JobStore(clock: .manual(start: SimulatorHarness.epoch))
    let id = try store.addJob(
      SimJobSpec(createdAgo: 100, outputBytes: 1_000_003, errorBytes: 100_001, inputBytes: 300_007, modelID: "m/x"))
    let job = try #require(store.job(id))
    var digests: [UInt64] = []
    for fileID in [job.inputFileID, job.outputFileID, job.errorFileID].compactMap({ $0 }) {
      let content = try #require(store.expectedContent(fileID: fileID))
      digests.append(content.reduce(0xcbf2_9ce4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 })
    }
    #expect(digests == [3_525_064_231_410_495_378, 4_482_534_661_078_014_623, 15_980_709_703_979_422_040])
  }

  @Test func downloadIsByteExactWithContentLength() async throws {
    try await SimulatorHarness.with { server in
      let id = try server.store.addJob(SimJobSpec(createdAgo: 100, outputBytes: 300_001))
      let fileID = try #require(server.store.job(id)?.outputFileID)
      let reply = try await server.get("/v1/files/\(fileID)/content")
      #expect(reply.status == 200)
      #expect(reply.contentLength == 300_001)
      #expect(reply.body == server.store.expectedContent(fileID: fileID))
    }
  }

  @Test func bigFileIsStreamedInFull() async throws {
    try await SimulatorHarness.with { server in
      let size = 48 * 1024 * 1024 + 17
      let id = try server.store.addJob(SimJobSpec(createdAgo: 100, outputBytes: size))
      let fileID = try #require(server.store.job(id)?.outputFileID)
      let received = NIOLockedValueBox(Data(capacity: size))
      let chunks = NIOLockedValueBox(0)
      let reply = try #require(
        try await RawHTTP.send(port: server.port, "GET", "/v1/files/\(fileID)/content") { chunk in
          chunk.withUnsafeReadableBytes { bytes in
            received.withLockedValue { $0.append(bytes.bindMemory(to: UInt8.self)) }
          }
          chunks.withLockedValue { $0 += 1 }
        })
      #expect(reply.contentLength == size && reply.bodyCount == size)
      #expect(chunks.withLockedValue { $0 } > 100)
      let expected = Data(try #require(server.store.expectedContent(fileID: fileID)))
      #expect(received.withLockedValue { $0 == expected })
    }
  }
}
