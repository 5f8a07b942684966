import BatchCommands
import BatchCore
import Testing

@Suite struct ListCommandTests {
  private func run(_ words: [String], api: FakeBatchAPI = FakeBatchAPI(jobs: Fixtures.all)) async throws -> [String] {
    let output = try await Dispatcher(context: Fixtures.context(api: api)).run(words: ["list"] + words)
    guard case .jobs(let jobs) = output else {
      Issue.record("expected jobs, got \(output)")
      return []
    }
    return jobs.map(\.id)
  }

  @Test func sortsNewestFirstWithUndatedJobsLast() async throws {
    #expect(try await run([]) == [
      "batch-val", "batch-run", "batch-cing", "batch-done", "batch-fail", "batch-cxl", "batch-exp", "batch-nodate",
    ])
  }

  @Test func keepsServerOrderAmongEqualDates() {
    let same = Fixtures.timestamp(60)
    let jobs = ["c", "a", "b"].map { BatchJob(id: $0, createdAt: same) } + [BatchJob(id: "z")]
    #expect(ListCommand.sortedNewestFirst(jobs).map(\.id) == ["c", "a", "b", "z"])
  }

  @Test func filtersByStatusTreatingBothCancellingSpellingsAlike() async throws {
    #expect(try await run(["--status", "failed,expired"]) == ["batch-fail", "batch-exp"])
    #expect(try await run(["--status", "canceling"]) == ["batch-cing"])
    #expect(try await run(["--status", "CANCELLING"]) == ["batch-cing"])
  }

  @Test func activeMeansNotTerminalIncludingUnknownStates() async throws {
    #expect(try await run(["--active"]) == ["batch-val", "batch-run", "batch-cing", "batch-nodate"])
  }

  @Test func limitAppliesAfterFiltering() async throws {
    #expect(try await run(["--active", "--limit", "2"]) == ["batch-val", "batch-run"])
    #expect(try await run(["--limit", "100"]).count == Fixtures.all.count)
    #expect(try await run(["--status", "completed", "--active"]) == [])
  }

  @Test func emptyServerGivesEmptyList() async throws {
    #expect(try await run([], api: FakeBatchAPI()) == [])
  }

  @Test func fillsTheJobIDCacheWithEveryJob() async throws {
    let cache = JobIDCache()
    let context = Fixtures.context(api: FakeBatchAPI(jobs: Fixtures.all), cache: cache)
    _ = try await Dispatcher(context: context).run(words: ["list", "--limit", "1"])
    #expect(cache.count == Fixtures.all.count)
    #expect(cache.status(of: "batch-done") == .completed)
  }
}
