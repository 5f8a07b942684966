import BatchCore
import Foundation

/// Timed loops over one `BatchClient`: sequential gets, gets with several in flight, and whole lists.
struct ClientBenchmark: Sendable {
  let client: BatchClient

  /// The ids of every job on the server, in its order.
  func jobIDs() async throws -> [String] {
    try await client.list().map(\.id)
  }

  /// A few untimed requests so connections are open and code paths warm.
  func warmUp(ids: [String]) async throws {
    _ = try await concurrentGets(ids: ids, count: 200, inFlight: 16)
    _ = try await sequentialGets(ids: ids, count: 100, on: BatchClient.connectionExecutor)
    _ = try await client.list()
  }

  /// Seconds taken by `count` gets, one after another, cycling through `ids`, in a loop run on `executor` (nil: the
  /// concurrency pool).
  func sequentialGets(ids: [String], count: Int, on executor: (any TaskExecutor)?) async throws -> Double {
    try await withTaskExecutorPreference(executor) {
      let start = ContinuousClock.now
      for index in 0..<count {
        let id = ids[index % ids.count]
        let job = try await client.get(id)
        precondition(job.id == id, "got \(job.id) for \(id)")
      }
      return Self.seconds(since: start)
    }
  }

  /// Seconds taken by `count` gets spread over `inFlight` concurrent workers.
  func concurrentGets(ids: [String], count: Int, inFlight: Int) async throws -> Double {
    let start = ContinuousClock.now
    try await withThrowingTaskGroup(of: Void.self) { group in
      for worker in 0..<inFlight {
        group.addTask {
          var index = worker
          while index < count {
            let id = ids[index % ids.count]
            let job = try await client.get(id)
            precondition(job.id == id, "got \(job.id) for \(id)")
            index += inFlight
          }
        }
      }
      try await group.waitForAll()
    }
    return Self.seconds(since: start)
  }

  /// Seconds taken by each of `runs` lists (request and decode of every job).
  func lists(runs: Int) async throws -> [Double] {
    var times: [Double] = []
    for _ in 0..<runs {
      let start = ContinuousClock.now
      let jobs = try await client.list()
      precondition(!jobs.isEmpty)
      times.append(Self.seconds(since: start))
    }
    return times
  }

  /// Seconds taken by each of `runs` decodes of the list body alone (re-encoded from one list), without the network:
  /// the byte decoder `BatchClient.list()` uses.
  func decodes(runs: Int) async throws -> [Double] {
    let body = try JSONEncoder().encode(try await client.list())
    var times: [Double] = []
    for _ in 0..<runs {
      let start = ContinuousClock.now
      let jobs = try body.withUnsafeBytes { raw in
        try BatchJob.decodeList(json: raw.assumingMemoryBound(to: UInt8.self))
      }
      precondition(!jobs.isEmpty)
      times.append(Self.seconds(since: start))
    }
    return times
  }

  static func seconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  }
}
