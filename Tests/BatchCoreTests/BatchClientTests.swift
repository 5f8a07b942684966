import BatchSimulator
import Foundation
import Testing

@testable import BatchCore

/// `BatchClient` operations against the simulator over loopback: get, list, cancel and file metadata.
@Suite struct BatchClientTests {
  @Test("get returns the job the simulator shows, every field decoded", arguments: [false, true])
  func get(onEventLoop: Bool) async throws {
    try await LiveSimulator.run(onEventLoop: onEventLoop) { sim in
      let (id, output) = try sim.addCompletedJob(outputBytes: 1234, errorBytes: 99)
      let job = try await sim.client().get(id)
      let simJob = try #require(sim.store.job(id))
      let state = try #require(sim.store.state(of: id))
      #expect(job.id == id)
      #expect(job.status == .completed)
      #expect(job.progress == 100)
      #expect(job.userID == sim.store.userID)
      #expect(job.inputFileID == simJob.inputFileID)
      #expect(job.fileSizeBytes == Int64(simJob.inputBytes))
      #expect(job.modelID == simJob.modelID)
      #expect(job.endpoint == simJob.endpoint)
      #expect(job.outputFileID == output)
      #expect(job.errorFileID == state.errorFileID && job.errorFileID != nil)
      #expect(abs((job.createdAt?.date?.timeIntervalSince1970 ?? 0) - simJob.createdAt) < 0.001)
      #expect(abs((job.completedAt?.date?.timeIntervalSince1970 ?? 0) - (state.completedAt ?? -1)) < 0.001)
      #expect(job.jobDeadline?.date != nil)
      #expect(sim.gets(id) == 1)
    }
  }

  @Test("get of an active job shows it running with no output yet")
  func getActive() async throws {
    try await LiveSimulator.run { sim in
      let id = try sim.addActiveJob()
      let job = try await sim.client().get(id)
      #expect(job.status == .validating)
      #expect(!job.isTerminal)
      #expect(job.outputFileID == nil && job.completedAt == nil)
    }
  }

  @Test("ids are percent-encoded in the path", arguments: ["batch ü?#%", "ジョブ-1", "a+b&c=d"])
  func percentEncodedIDs(text: String) async throws {
    // Whitespace is refused by the validator, so the odd id has none.
    let id = text.replacingOccurrences(of: " ", with: "_")
    try await LiveSimulator.run { sim in
      try sim.addActiveJob(id: id)
      #expect(try await sim.client().get(id).id == id)
      #expect(sim.store.requestCount(method: "GET", path: "/v1/batches/" + IDValidator.pathSegment(id)) == 1)
    }
  }

  @Test("list returns every job in the server's order, each decoded", arguments: [false, true])
  func list(onEventLoop: Bool) async throws {
    try await LiveSimulator.run(jobs: 40, onEventLoop: onEventLoop) { sim in
      let jobs = try await sim.client().list()
      #expect(jobs.map(\.id) == sim.store.jobs().map(\.id))
      #expect(jobs.allSatisfy { $0.status?.isKnown == true && $0.createdAt?.date != nil && $0.progress != nil })
      #expect(jobs.contains { $0.isTerminal } && jobs.contains { !$0.isTerminal })
      #expect(sim.store.requestCount(method: "GET", path: "/v1/batches") == 1)
    }
  }

  @Test("list of no jobs is empty")
  func listEmpty() async throws {
    try await LiveSimulator.run { sim in
      let jobs = try await sim.client().list()
      #expect(jobs.isEmpty)
    }
  }

  @Test("cancel of a running job answers it CANCELING", arguments: [false, true])
  func cancel(onEventLoop: Bool) async throws {
    try await LiveSimulator.run(onEventLoop: onEventLoop) { sim in
      let id = try sim.addActiveJob()
      let job = try await sim.client().cancel(id)
      #expect(job.id == id)
      #expect(job.status == .canceling)
      #expect(sim.store.state(of: id)?.status == "CANCELING")
      #expect(sim.store.requestCount(method: "POST", path: "/v1/batches/\(id)/cancel") == 1)
    }
  }

  @Test("cancel of a job already cancelling or cancelled succeeds, even when the server refuses it")
  func cancelAgain() async throws {
    try await LiveSimulator.run { sim in
      let id = try sim.addActiveJob()
      let client = try sim.client()
      _ = try await client.cancel(id)
      #expect(try await client.cancel(id).status == .canceling)
      // A server that answers 400 for a job already being cancelled: the client checks the job and succeeds.
      sim.fault(.status(400), path: "/v1/batches/\(id)/cancel")
      #expect(try await client.cancel(id).status == .canceling)
      #expect(sim.gets(id) == 1)
      sim.store.forceStatus(id, to: "CANCELLING")
      sim.fault(.status(409), path: "/v1/batches/\(id)/cancel")
      #expect(try await client.cancel(id).status == .cancelling)
      sim.store.forceStatus(id, to: "CANCELLED")
      #expect(try await client.cancel(id).status == .cancelled)
    }
  }

  @Test(
    "cancel of a finished job is invalidState naming its status",
    arguments: ["COMPLETED", "FAILED", "EXPIRED"], [false, true])
  func cancelFinished(status: String, onEventLoop: Bool) async throws {
    try await LiveSimulator.run(onEventLoop: onEventLoop) { sim in
      let id = try sim.addActiveJob()
      sim.store.forceStatus(id, to: status)
      let error = await expectBatchError { try await sim.client().cancel(id) }
      guard case .invalidState(let badID, let current, let message) = error else {
        Issue.record("expected invalidState, got \(String(describing: error))")
        return
      }
      #expect(badID == id)
      #expect(current?.rawValue == status)
      #expect(message.contains(status) && message.contains(id))
      #expect(message.contains("cannot cancel batch"), "the server's reason is kept: \(message)")
      #expect(sim.store.state(of: id)?.status == status)
    }
  }

  @Test("file returns the metadata of a visible file", arguments: [false, true])
  func file(onEventLoop: Bool) async throws {
    try await LiveSimulator.run(onEventLoop: onEventLoop) { sim in
      let (id, output) = try sim.addCompletedJob(outputBytes: 777)
      let file = try await sim.client().file(output)
      #expect(file.id == output)
      #expect(file.bytes == 777)
      #expect(file.filename == "\(id)_output.jsonl")
      #expect(file.purpose == "batch-api")
      #expect(file.fileType == "jsonl")
      #expect(file.createdAt != nil)
    }
  }

  @Test("an output file does not exist before its job completes")
  func fileNotYetVisible() async throws {
    try await LiveSimulator.run { sim in
      let id = try sim.addActiveJob()
      let hidden = try #require(sim.store.job(id)?.outputFileID)
      let error = await expectBatchError { try await sim.client().file(hidden) }
      #expect(error == .notFound(resource: .file, id: hidden, apiMessage: "file \(hidden) not found"))
    }
  }
}
