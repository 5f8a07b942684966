import BatchCommands
import BatchCore
import Foundation
import Testing

@Suite struct JobIDCacheTests {
  @Test func prefixLookupReturnsSortedMatches() {
    let cache = JobIDCache(ids: ["batch-b2", "batch-a1", "other", "batch-a2", "batch-a10"])
    #expect(cache.ids(withPrefix: "batch-a") == ["batch-a1", "batch-a10", "batch-a2"])
    #expect(cache.ids(withPrefix: "batch-a", limit: 2) == ["batch-a1", "batch-a10"])
    #expect(cache.ids(withPrefix: "") == ["batch-a1", "batch-a10", "batch-a2", "batch-b2", "other"])
    #expect(cache.ids(withPrefix: "x").isEmpty)
    #expect(cache.ids(withPrefix: "batch-", limit: 0).isEmpty)
    #expect(cache.ids(withPrefix: "batch-b", limit: 9) == ["batch-b2"])
    #expect(cache.ids(withPrefix: "batch-a10") == ["batch-a10"])
    #expect(cache.ids(withPrefix: "other-longer").isEmpty)
  }

  @Test func insertMergesAndUpdatesStatuses() {
    let cache = JobIDCache(ids: ["b"])
    cache.insert([BatchJob(id: "a", status: .inProgress), BatchJob(id: "b", status: .failed), BatchJob(id: "")])
    #expect(cache.ids == ["a", "b"])
    cache.insert([BatchJob(id: "a", status: .completed)])
    #expect(cache.status(of: "a") == .completed)
    #expect(cache.status(of: "b") == .failed)
  }

  @Test func replaceAllAndRemoveForgetIDs() {
    let cache = JobIDCache(ids: ["a", "b"])
    cache.replaceAll(with: [BatchJob(id: "c"), BatchJob(id: "b")])
    #expect(cache.ids == ["b", "c"])
    cache.remove("b")
    #expect(cache.ids == ["c"])
  }

  @Test func refreshLoadsTheServersJobs() async throws {
    let cache = JobIDCache(ids: ["stale"])
    try await cache.refresh(using: FakeBatchAPI(jobs: [Fixtures.running, Fixtures.completed]))
    #expect(cache.ids == ["batch-done", "batch-run"])
  }

  @Test func concurrentWritersLoseNothing() async {
    let cache = JobIDCache()
    await withTaskGroup(of: Void.self) { group in
      for writer in 0..<8 {
        group.addTask {
          for n in 0..<50 { cache.insert([BatchJob(id: "w\(writer)-\(n)")]) }
        }
      }
    }
    #expect(cache.count == 400)
  }

  @Test func tenThousandIDsAnswerPrefixLookupsQuickly() {
    let ids = (0..<10_000).map { "batch-\(String($0 * 7919 % 10_000, radix: 16))-\($0)" }
    let cache = JobIDCache(ids: ids)
    let clock = ContinuousClock()
    var found = 0
    let elapsed = clock.measure {
      for prefix in ["batch-1", "batch-a", "batch-ff", "batch-2f0", "nope"] {
        found += cache.ids(withPrefix: prefix, limit: 100).count
      }
    }
    #expect(found > 0)
    // Five lookups; the budget is 5 ms each in release, asserted generously for debug builds on a busy machine.
    #expect(elapsed < .milliseconds(50))
  }
}
