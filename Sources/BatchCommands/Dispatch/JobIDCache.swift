import BatchCore
import Synchronization

/// The job ids seen so far, for tab completion: synchronous, thread-safe reads that never wait on I/O.
///
/// Ids are kept sorted so a prefix lookup is a binary search. Every command that returns jobs records them here, so
/// the usual update, a command's few jobs, is applied in place under the lock: a binary search per job, then one
/// insertion for a new id (or one merge pass for several), not a rebuild of every id known. A list-sized update is
/// applied to a copy outside the lock and swapped in, so a reader (a Tab press) never waits for more than a small
/// update. Filled from `list`, `get`, `cancel` and `watch` results and by `refresh(using:)`, which a shell runs in
/// the background.
public final class JobIDCache: Sendable {
  private struct State {
    /// Every id, sorted, each once.
    var ids: [String] = []
    var statuses: [String: BatchStatus] = [:]
    /// Counts changes, so an update computed outside the lock can tell whether another came first.
    var generation = 0
  }

  /// The most jobs an update applies in place under the lock; more are applied to a copy outside it.
  private static let inPlaceLimit = 64

  private let state = Mutex(State())

  public init(ids: [String] = []) {
    if !ids.isEmpty { replaceAll(with: ids.map { BatchJob(id: $0) }) }
  }

  // MARK: - Reading

  /// Every id, sorted.
  public var ids: [String] { state.withLock { $0.ids } }

  public var count: Int { state.withLock { $0.ids.count } }

  /// How many changes were made, for tests that check an update changed nothing.
  var generation: Int { state.withLock { $0.generation } }

  /// The last status seen for an id.
  public func status(of id: String) -> BatchStatus? { state.withLock { $0.statuses[id] } }

  /// The ids starting with `prefix`, sorted, at most `limit` of them.
  public func ids(withPrefix prefix: String, limit: Int = .max) -> [String] {
    let ids = state.withLock { $0.ids }
    let low = Self.partitionIndex(ids[...]) { $0 < prefix }
    // The matches run on from `low`; find where they end the same way.
    let end = Self.partitionIndex(ids[low...]) { $0.hasPrefix(prefix) }
    // A slice copied whole shares the array's storage: `batch-` over ten thousand ids copies no string.
    let count = Swift.min(end - low, Swift.max(limit, 0))
    return Array(ids[low..<(low + count)])
  }

  // MARK: - Writing

  /// Adds or updates the ids of some jobs; a job without a status keeps the last one seen.
  ///
  /// Jobs already known with the same status change nothing and copy nothing: a `list` records its jobs twice (the
  /// whole list, then what it shows), and the second costs a lookup per job.
  public func insert(_ jobs: [BatchJob]) {
    guard jobs.count > Self.inPlaceLimit else {
      return state.withLock { snapshot in _ = Self.apply(jobs, to: &snapshot) }
    }
    while true {
      var copy = state.withLock { $0 }
      let generation = copy.generation
      guard Self.apply(jobs, to: &copy) else { return }
      // Whatever the swap leaves in `copy` (the old state, or the unused copy) is freed after the lock is let go.
      let swapped = state.withLock { current in
        guard current.generation == generation else { return false }
        swap(&current, &copy)
        return true
      }
      if swapped { return }
    }
  }

  /// Replaces every id with those of a full job list.
  public func replaceAll(with jobs: [BatchJob]) {
    let fresh = jobs.filter { !$0.id.isEmpty }
    var replacement = State(
      ids: Array(Set(fresh.map(\.id))).sorted(),
      statuses: Dictionary(
        fresh.compactMap { job in job.status.map { (job.id, $0) } }, uniquingKeysWith: { _, last in last }))
    state.withLock { current in
      replacement.generation = current.generation + 1
      swap(&current, &replacement)
    }
  }

  /// Forgets an id (the server said it does not exist).
  public func remove(_ id: String) {
    state.withLock { snapshot in
      let (index, found) = Self.position(of: id, in: snapshot.ids)
      if found { snapshot.ids.remove(at: index) }
      snapshot.statuses[id] = nil
      snapshot.generation += 1
    }
  }

  /// Reloads every id from the server's job list.
  public func refresh(using api: any BatchAPI) async throws {
    replaceAll(with: try await api.list())
  }

  // MARK: - Sorted ids

  /// Records `jobs` in `state`: each job costs a binary search; one new id is inserted where it belongs (a move of
  /// the array's references, no string copied), several are merged in one pass. Returns whether anything changed;
  /// when nothing did, `state` was not written, so a copy of it still shares its storage.
  private static func apply(_ jobs: [BatchJob], to state: inout State) -> Bool {
    var unseen: [(id: String, index: Int)] = []
    var changed = false
    for job in jobs where !job.id.isEmpty {
      if let status = job.status, state.statuses[job.id] != status {
        state.statuses[job.id] = status
        changed = true
      }
      let (index, found) = position(of: job.id, in: state.ids)
      if !found { unseen.append((job.id, index)) }
    }
    if unseen.count == 1 {
      state.ids.insert(unseen[0].id, at: unseen[0].index)
    } else if unseen.count > 1 {
      state.ids = merge(state.ids, Set(unseen.map(\.id)).sorted())
    }
    guard changed || !unseen.isEmpty else { return false }
    state.generation += 1
    return true
  }

  /// Where `id` is, or would be inserted, in the sorted `ids`, and whether it is there.
  private static func position(of id: String, in ids: [String]) -> (index: Int, found: Bool) {
    let index = partitionIndex(ids[...]) { $0 < id }
    return (index, index < ids.count && ids[index] == id)
  }

  /// The index of the first id in `ids` for which `isBefore` is false (the slice's end if none): `isBefore` must
  /// hold for a leading run of the ids and for none after it.
  private static func partitionIndex(_ ids: ArraySlice<String>, isBefore: (String) -> Bool) -> Int {
    var low = ids.startIndex
    var high = ids.endIndex
    while low < high {
      let middle = (low + high) / 2
      if isBefore(ids[middle]) { low = middle + 1 } else { high = middle }
    }
    return low
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
