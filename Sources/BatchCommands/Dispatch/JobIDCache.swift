import BatchCore
import Synchronization

/// The job ids seen so far, for tab completion: synchronous, thread-safe reads that never wait on I/O.
///
/// Ids are kept sorted so a prefix lookup is a binary search; new ids are merged outside the lock and swapped in,
/// so a reader waits at most for a pointer swap. Filled from `list`, `get`, `cancel` and `watch` results and by
/// `refresh(using:)`, which a shell runs in the background.
public final class JobIDCache: Sendable {
  private struct Snapshot {
    var ids: [String] = []
    var statuses: [String: BatchStatus] = [:]
    var generation = 0
  }

  private let state = Mutex(Snapshot())

  public init(ids: [String] = []) {
    if !ids.isEmpty { replaceAll(with: ids.map { BatchJob(id: $0) }) }
  }

  // MARK: - Reading

  /// Every id, sorted.
  public var ids: [String] { state.withLock { $0.ids } }

  public var count: Int { state.withLock { $0.ids.count } }

  /// The last status seen for an id.
  public func status(of id: String) -> BatchStatus? { state.withLock { $0.statuses[id] } }

  /// The ids starting with `prefix`, sorted, at most `limit` of them.
  public func ids(withPrefix prefix: String, limit: Int = .max) -> [String] {
    let ids = state.withLock { $0.ids }
    var low = 0
    var high = ids.count
    while low < high {
      let middle = (low + high) / 2
      if ids[middle] < prefix { low = middle + 1 } else { high = middle }
    }
    // The matches run on from `low`; find where they end the same way.
    var end = ids.count
    var start = low
    while start < end {
      let middle = (start + end) / 2
      if ids[middle].hasPrefix(prefix) { start = middle + 1 } else { end = middle }
    }
    // A slice copied whole shares the array's storage: `batch-` over ten thousand ids copies no string.
    let count = Swift.min(end - low, Swift.max(limit, 0))
    return Array(ids[low..<(low + count)])
  }

  // MARK: - Writing

  /// Adds or updates the ids of some jobs.
  public func insert(_ jobs: [BatchJob]) {
    let fresh = jobs.filter { !$0.id.isEmpty }
    guard !fresh.isEmpty else { return }
    update { snapshot in
      let known = Set(snapshot.ids)
      let added = Set(fresh.map(\.id)).subtracting(known)
      if !added.isEmpty { snapshot.ids = (snapshot.ids + added).sorted() }
      for job in fresh { snapshot.statuses[job.id] = job.status ?? snapshot.statuses[job.id] }
    }
  }

  /// Replaces every id with those of a full job list.
  public func replaceAll(with jobs: [BatchJob]) {
    let fresh = jobs.filter { !$0.id.isEmpty }
    update { snapshot in
      snapshot.ids = Array(Set(fresh.map(\.id))).sorted()
      snapshot.statuses = Dictionary(fresh.compactMap { job in job.status.map { (job.id, $0) } },
        uniquingKeysWith: { _, last in last })
    }
  }

  /// Forgets an id (the server said it does not exist).
  public func remove(_ id: String) {
    update { snapshot in
      snapshot.ids.removeAll { $0 == id }
      snapshot.statuses[id] = nil
    }
  }

  /// Reloads every id from the server's job list.
  public func refresh(using api: any BatchAPI) async throws {
    replaceAll(with: try await api.list())
  }

  /// Computes a new snapshot from the current one outside the lock and swaps it in, retrying if another writer won.
  private func update(_ change: (inout Snapshot) -> Void) {
    while true {
      var snapshot = state.withLock { $0 }
      let generation = snapshot.generation
      change(&snapshot)
      snapshot.generation = generation + 1
      let swapped = state.withLock { current in
        guard current.generation == generation else { return false }
        current = snapshot
        return true
      }
      if swapped { return }
    }
  }
}
