import BatchCore
import Synchronization

/// The job ids seen so far, for tab completion: synchronous, thread-safe reads that never wait on I/O.
///
/// Ids are kept sorted so a prefix lookup is a binary search. Every command that returns a job records it here, so
/// the common update (one job, already known or new) costs a binary search and at most one insertion, done in place
/// under the lock: a reader waits microseconds. A whole new list (`replaceAll`) is sorted outside the lock and
/// swapped in. Filled from `list`, `get`, `cancel` and `watch` results and by `refresh(using:)`, which a shell runs in
/// the background.
public final class JobIDCache: Sendable {
  private struct State {
    /// Every id, sorted, each once.
    var ids: [String] = []
    var statuses: [String: BatchStatus] = [:]
  }

  private let state = Mutex(State())

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
    let low = Self.firstIndex(in: ids) { $0 < prefix }
    // The matches run on from `low`; find where they end the same way.
    let end = low + Self.firstIndex(in: ids[low...]) { $0.hasPrefix(prefix) }
    // A slice copied whole shares the array's storage: `batch-` over ten thousand ids copies no string.
    let count = Swift.min(end - low, Swift.max(limit, 0))
    return Array(ids[low..<(low + count)])
  }

  // MARK: - Writing

  /// Adds or updates the ids of some jobs.
  ///
  /// Run after every command, so its cost must not grow with the number of ids known: each job costs a binary
  /// search, and one new id an insertion (a move of the array's references, no string copied). Several new ids at
  /// once are merged in one pass.
  public func insert(_ jobs: [BatchJob]) {
    state.withLock { state in
      var unseen: [String] = []
      for job in jobs where !job.id.isEmpty {
        if let status = job.status { state.statuses[job.id] = status }
        if Self.index(of: job.id, in: state.ids) == nil { unseen.append(job.id) }
      }
      if unseen.count == 1 {
        state.ids.insert(unseen[0], at: Self.firstIndex(in: state.ids) { $0 < unseen[0] })
      } else if unseen.count > 1 {
        state.ids = Self.merge(state.ids, Set(unseen).sorted())
      }
    }
  }

  /// Replaces every id with those of a full job list.
  public func replaceAll(with jobs: [BatchJob]) {
    let fresh = jobs.filter { !$0.id.isEmpty }
    let ids = Array(Set(fresh.map(\.id))).sorted()
    let statuses = Dictionary(
      fresh.compactMap { job in job.status.map { (job.id, $0) } }, uniquingKeysWith: { _, last in last })
    state.withLock { state in
      state = State(ids: ids, statuses: statuses)
    }
  }

  /// Forgets an id (the server said it does not exist).
  public func remove(_ id: String) {
    state.withLock { state in
      if let index = Self.index(of: id, in: state.ids) { state.ids.remove(at: index) }
      state.statuses[id] = nil
    }
  }

  /// Reloads every id from the server's job list.
  public func refresh(using api: any BatchAPI) async throws {
    replaceAll(with: try await api.list())
  }

  // MARK: - Sorted arrays

  /// The offset, from the start of `ids`, of the first id for which `isBefore` is false; `isBefore` must hold for a
  /// leading run of the ids and for none after it.
  private static func firstIndex(in ids: ArraySlice<String>, where isBefore: (String) -> Bool) -> Int {
    var low = ids.startIndex
    var high = ids.endIndex
    while low < high {
      let middle = (low + high) / 2
      if isBefore(ids[middle]) { low = middle + 1 } else { high = middle }
    }
    return low - ids.startIndex
  }

  private static func firstIndex(in ids: [String], where isBefore: (String) -> Bool) -> Int {
    firstIndex(in: ids[...], where: isBefore)
  }

  /// Where `id` is in the sorted `ids`, or nil.
  private static func index(of id: String, in ids: [String]) -> Int? {
    let index = firstIndex(in: ids) { $0 < id }
    return index < ids.count && ids[index] == id ? index : nil
  }

  /// Two sorted arrays with no id in common, as one sorted array.
  private static func merge(_ old: [String], _ new: [String]) -> [String] {
    var merged: [String] = []
    merged.reserveCapacity(old.count + new.count)
    var (i, j) = (0, 0)
    while i < old.count, j < new.count {
      if old[i] < new[j] {
        merged.append(old[i])
        i += 1
      } else {
        merged.append(new[j])
        j += 1
      }
    }
    merged.append(contentsOf: old[i...])
    merged.append(contentsOf: new[j...])
    return merged
  }
}
