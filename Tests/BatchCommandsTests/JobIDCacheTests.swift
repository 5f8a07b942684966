import BatchCore
import BatchSimulator
import Foundation
import Testing

@testable import BatchCommands

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

  @Test func insertWithoutAStatusKeepsTheLastOne() {
    let cache = JobIDCache()
    cache.insert([BatchJob(id: "a", status: .inProgress)])
    cache.insert([BatchJob(id: "a")])
    #expect(cache.status(of: "a") == .inProgress)
    cache.insert([BatchJob(id: "a"), BatchJob(id: "b")])
    #expect(cache.status(of: "a") == .inProgress)
    #expect(cache.status(of: "b") == nil)
  }

  @Test("a list-sized batch of known jobs changes nothing, but for the one status that differs")
  func reinsertingKnownJobsKeepsThem() {
    let jobs = (0..<200).map { BatchJob(id: "batch-\($0)", status: $0 % 2 == 0 ? .completed : .inProgress) }
    let cache = JobIDCache()
    cache.replaceAll(with: jobs)
    let generation = cache.generation
    cache.insert(jobs + [BatchJob(id: "batch-7")])
    cache.insert(Array(jobs.prefix(3)))
    #expect(cache.generation == generation, "nothing changed, on the list-sized path or the in-place one")
    #expect(cache.ids == jobs.map(\.id).sorted())
    #expect(jobs.allSatisfy { cache.status(of: $0.id) == $0.status })
    var changed = jobs
    changed[7].status = .completed
    cache.insert(changed)
    #expect(cache.generation == generation + 1)
    #expect(cache.status(of: "batch-7") == .completed)
    #expect(cache.status(of: "batch-9") == .inProgress)
    #expect(cache.count == 200)
    cache.insert([BatchJob(id: "batch-new")])
    #expect(cache.generation == generation + 2)
  }

  @Test("random inserts and removes keep the ids sorted and unique, as a set would")
  func randomUpdatesMatchASet() {
    var random = SimRandom(seed: 11)
    let cache = JobIDCache()
    var model = Set<String>()
    var statuses: [String: BatchStatus] = [:]
    let pool = (0..<300).map { "batch-\(String($0 * 7919 % 1000, radix: 36))" }
    let states: [BatchStatus?] = [nil, .validating, .inProgress, .completed, .failed]
    func job() -> BatchJob {
      BatchJob(id: pool.randomElement(using: &random)!, status: states.randomElement(using: &random)!)
    }
    for step in 0..<2_000 {
      var jobs: [BatchJob] = []
      switch random.int(0...9) {
      case 0:
        let id = pool.randomElement(using: &random)!
        cache.remove(id)
        model.remove(id)
        statuses[id] = nil
      case 1:
        // Several jobs at once, repeats and empty ids among them; some batches are list-sized (over 64 jobs).
        jobs = (0..<random.int(2...150)).map { _ in random.chance(0.1) ? BatchJob(id: "") : job() }
      default:
        jobs = [job()]
      }
      cache.insert(jobs)
      for job in jobs where !job.id.isEmpty {
        model.insert(job.id)
        if let status = job.status { statuses[job.id] = status }
      }
      if step % 100 == 0 || step == 1_999 {
        #expect(cache.ids == model.sorted(), "after step \(step)")
        #expect(pool.allSatisfy { cache.status(of: $0) == statuses[$0] }, "after step \(step)")
      }
    }
    for prefix in ["batch-1", "batch-a", "batch-zz", "b", ""] {
      #expect(cache.ids(withPrefix: prefix) == model.sorted().filter { $0.hasPrefix(prefix) })
    }
  }

  @Test func replaceAllAndRemoveForgetIDs() {
    let cache = JobIDCache(ids: ["a", "b"])
    cache.replaceAll(with: [BatchJob(id: "c"), BatchJob(id: "b")])
    #expect(cache.ids == ["b", "c"])
    cache.remove("b")
    #expect(cache.ids == ["c"])
    cache.remove("absent")
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
      // List-sized batches go through a copy swapped in after the fact: they must not undo the small inserts.
      for writer in 0..<4 {
        group.addTask {
          for n in 0..<10 { cache.insert((0..<100).map { BatchJob(id: "l\(writer)-\(n)-\($0)") }) }
        }
      }
    }
    #expect(cache.count == 400 + 4_000)
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
