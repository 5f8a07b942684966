import BatchSimulator
import Foundation
import Testing

/// Jobs, files and create responses carry exactly the wire fields of the Together API, correctly typed.
@Suite struct ResponseShapeTests {
  static let alwaysPresent: Set<String> = [
    "id", "user_id", "input_file_id", "file_size_bytes", "status", "job_deadline", "created_at", "endpoint",
    "progress", "model_id",
  ]

  @Test func everyJobHasExactlyTheWireFields() async throws {
    try await SimulatorHarness.with(jobs: 60) { server in
      let jobs = try await server.get("/v1/batches").array
      #expect(jobs.count == 60)
      let optional: Set<String> = ["output_file_id", "error_file_id", "error", "completed_at"]
      for job in jobs {
        let keys = Set(job.keys)
        #expect(keys.isSuperset(of: Self.alwaysPresent), "\(keys)")
        #expect(keys.subtracting(Self.alwaysPresent).isSubset(of: optional), "\(keys)")
        let status = try #require(job["status"] as? String)
        #expect((job["output_file_id"] != nil) == (status == "COMPLETED"))
        #expect((job["completed_at"] != nil) == SimStatus.isTerminal(status))
        #expect((job["error"] != nil) == (status == "FAILED"))
        #expect(job["file_size_bytes"] is Int && job["progress"] is Double)
        #expect((job["id"] as? String)?.hasPrefix("batch-") == true)
        #expect((job["input_file_id"] as? String)?.hasPrefix("file-") == true)
        for key in ["created_at", "job_deadline", "completed_at"] {
          guard let text = job[key] as? String else { continue }
          #expect(Self.parse(text) != nil, "\(key): \(text)")
        }
      }
      let stamps = jobs.compactMap { $0["created_at"] as? String }
      #expect(stamps.contains { $0.contains(".") } && stamps.contains { !$0.contains(".") })
      let statuses = Set(jobs.compactMap { $0["status"] as? String })
      #expect(statuses.isSuperset(of: ["COMPLETED", "FAILED", "CANCELLED"]))
    }
  }

  @Test func fileMetadataHasTheFileResponseFields() async throws {
    try await SimulatorHarness.with { server in
      let id = try server.store.addJob(SimJobSpec(createdAgo: 100, outputBytes: 1234))
      let job = try await server.job(id)
      let fileID = try #require(job["output_file_id"] as? String)
      let file = try await server.get("/v1/files/\(fileID)").object
      #expect(
        Set(file.keys) == ["id", "object", "created_at", "filename", "bytes", "purpose", "FileType", "Processed"])
      #expect(file["id"] as? String == fileID && file["object"] as? String == "file")
      #expect(file["created_at"] is Int && file["bytes"] as? Int == 1234)
      #expect(file["purpose"] as? String == "batch-api" && file["FileType"] as? String == "jsonl")
      #expect(file["Processed"] as? Bool == true)
      let input = try await server.get("/v1/files/\(job["input_file_id"] as? String ?? "")").object
      #expect(input["bytes"] as? Int == job["file_size_bytes"] as? Int)
    }
  }

  @Test func createAnswers201WithJobAndOptionalWarning() async throws {
    try await SimulatorHarness.with(jobs: 1) { server in
      let input = try #require(server.store.jobs().first?.inputFileID)
      let body = #"{"endpoint":"/v1/chat/completions","input_file_id":"\#(input)","completion_window":"48h"}"#
      let reply = try await server.send("POST", "/v1/batches", body: body)
      #expect(reply.status == 201)
      let job = try #require(reply.object["job"] as? [String: Any])
      #expect(job["status"] as? String == "VALIDATING" && job["input_file_id"] as? String == input)
      #expect(reply.object["warning"] is String)
      #expect(server.store.count == 2)

      let plain = #"{"endpoint":"/v1/chat/completions","input_file_id":"\#(input)","model_id":"m\"x"}"#
      let second = try await server.send("POST", "/v1/batches", body: plain)
      #expect(second.object["warning"] == nil)
      #expect((second.object["job"] as? [String: Any])?["model_id"] as? String == "m\"x")
    }
  }

  @Test func cancelAndGetAnswerTheSameShape() async throws {
    try await SimulatorHarness.with { server in
      let id = try server.store.addJob(SimJobSpec())
      let cancelled = try await server.send("POST", "/v1/batches/\(id)/cancel").object
      #expect(Set(cancelled.keys) == Self.alwaysPresent)
      #expect(try await server.get("/v1/batches/\(id)").header("Content-Type") == "application/json")
    }
  }

  static func parse(_ text: String) -> Date? {
    (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text))
      ?? (try? Date.ISO8601FormatStyle().parse(text))
  }
}
