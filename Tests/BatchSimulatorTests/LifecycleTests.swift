import BatchSimulator
import Foundation
import Testing

/// Jobs move through VALIDATING → IN_PROGRESS → terminal on the clock, with fields appearing only when due.
@Suite struct LifecycleTests {
  @Test func completedJobMovesThroughEveryPhaseOnTheManualClock() async throws {
    try await SimulatorHarness.with { server in
      let clock = server.store.clock
      let id = try server.store.addJob(SimJobSpec(validatingSeconds: 10, runSeconds: 100, outputBytes: 5000))

      var job = try await server.job(id)
      #expect(job["status"] as? String == "VALIDATING")
      #expect(job["progress"] as? Double == 0)
      #expect(job["completed_at"] == nil && job["output_file_id"] == nil)

      clock.advance(by: 35)
      job = try await server.job(id)
      #expect(job["status"] as? String == "IN_PROGRESS")
      #expect(job["progress"] as? Double == 25)
      #expect(job["completed_at"] == nil && job["output_file_id"] == nil)

      clock.advance(by: 50)
      job = try await server.job(id)
      #expect(job["progress"] as? Double == 75)

      clock.advance(by: 25)
      job = try await server.job(id)
      #expect(job["status"] as? String == "COMPLETED")
      #expect(job["progress"] as? Double == 100)
      #expect(job["completed_at"] as? String == "2026-11-29T08:01:50.000000Z")
      let output = try #require(job["output_file_id"] as? String)
      #expect(output.hasPrefix("file-"))
      #expect(job["error"] == nil && job["error_file_id"] == nil)
    }
  }

  @Test func progressRisesMonotonically() async throws {
    let clock = SimClock.manual(start: SimulatorHarness.epoch)
    let store = JobStore(clock: clock)
    let id = try store.addJob(SimJobSpec(validatingSeconds: 3, runSeconds: 40))
    var last = -1.0
    for _ in 0..<50 {
      let state = try #require(store.state(of: id))
      #expect(state.progress >= last)
      last = state.progress
      clock.advance(by: 1)
    }
    #expect(last == 100)
  }

  @Test func failedJobCarriesErrorAndErrorFileButNoOutput() async throws {
    try await SimulatorHarness.with { server in
      let spec = SimJobSpec(
        validatingSeconds: 1, runSeconds: 10, outcome: .failed, finalProgress: 60, errorBytes: 2000,
        errorText: "boom \"quoted\"\nline two")
      let id = try server.store.addJob(spec)
      server.store.clock.advance(by: 6)
      #expect(try await server.job(id)["progress"] as? Double == 30)
      server.store.clock.advance(by: 10)
      let job = try await server.job(id)
      #expect(job["status"] as? String == "FAILED")
      #expect(job["progress"] as? Double == 60)
      #expect(job["error"] as? String == "boom \"quoted\"\nline two")
      #expect((job["error_file_id"] as? String)?.hasPrefix("file-") == true)
      #expect(job["output_file_id"] == nil)
      #expect(job["completed_at"] != nil)
    }
  }

  @Test func expiredJobHasCompletedAtOnly() async throws {
    let store = JobStore(clock: .manual(start: SimulatorHarness.epoch))
    let id = try store.addJob(SimJobSpec(createdAgo: 100, validatingSeconds: 5, runSeconds: 50, outcome: .expired))
    let state = try #require(store.state(of: id))
    #expect(state.status == "EXPIRED")
    #expect(state.completedAt == SimulatorHarness.epoch.timeIntervalSince1970 - 45)
    #expect(state.outputFileID == nil && state.errorFileID == nil && state.error == nil)
  }

  @Test func completedJobMayAlsoHaveAnErrorFile() async throws {
    let store = JobStore(clock: .manual(start: SimulatorHarness.epoch))
    let id = try store.addJob(SimJobSpec(createdAgo: 100, errorBytes: 700))
    let state = try #require(store.state(of: id))
    #expect(state.status == "COMPLETED" && state.outputFileID != nil && state.errorFileID != nil)
  }

  @Test func forcedStatusOverridesTheTimelineAndCanBeCleared() async throws {
    try await SimulatorHarness.with { server in
      let id = try server.store.addJob(SimJobSpec(validatingSeconds: 100))
      #expect(server.store.forceStatus(id, to: "QUEUED"))
      #expect(try await server.job(id)["status"] as? String == "QUEUED")
      server.store.forceStatus(id, to: "COMPLETED")
      let job = try await server.job(id)
      #expect(job["status"] as? String == "COMPLETED" && job["output_file_id"] != nil && job["completed_at"] != nil)
      server.store.forceStatus(id, to: nil)
      #expect(try await server.job(id)["status"] as? String == "VALIDATING")
      #expect(!server.store.forceStatus("batch-nope", to: "FAILED"))
    }
  }

  @Test func finishedJobsStayCorrectWhenForcedOrWhenTheClockMovesBack() async throws {
    try await SimulatorHarness.with { server in
      let id = try server.store.addJob(SimJobSpec(validatingSeconds: 1, runSeconds: 9))
      server.store.clock.advance(by: 20)
      for _ in 0..<2 {
        #expect(try await server.job(id)["status"] as? String == "COMPLETED")
      }
      server.store.forceStatus(id, to: "FAILED")
      #expect(try await server.job(id)["status"] as? String == "FAILED")
      server.store.forceStatus(id, to: nil)
      #expect(try await server.job(id)["status"] as? String == "COMPLETED")
      server.store.clock.advance(by: -15)
      #expect(try await server.job(id)["status"] as? String == "IN_PROGRESS")
      #expect(try await server.get("/v1/batches").array.first?["status"] as? String == "IN_PROGRESS")
    }
  }

  @Test func seededJobsAreDeterministicAndAboutAThirdActive() async throws {
    let clock = SimClock.manual(start: SimulatorHarness.epoch)
    func seeded() async throws -> [SimJob] {
      try await SimulatorHarness.with(jobs: 25, clock: clock) { $0.store.jobs() }
    }
    let first = try await seeded()
    let second = try await seeded()
    #expect(first.map(\.id) == second.map(\.id))
    let states = first.map { $0.state(at: clock.now) }
    let active = states.filter { !$0.isTerminal }.count
    #expect((4...14).contains(active), "active: \(active)")
    #expect(states.contains { $0.status == "COMPLETED" })
    #expect(Set(first.map(\.fractionalTimestamps)).count == 2)
    #expect(zip(first, first.dropFirst()).allSatisfy { $0.createdAt <= $1.createdAt })
  }
}
