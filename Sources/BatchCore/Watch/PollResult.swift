/// What one successful poll learnt: the jobs it saw, the ids confirmed gone and, for a `list`, every job in order.
struct PollResult: Sendable {
  /// The jobs seen, by id.
  var jobs: [String: BatchJob] = [:]
  /// Ids the server answered 404 for.
  var gone: Set<String> = []
  /// Ids whose check failed (transient error on the confirming `get`): nothing is known about them this time.
  var unknown: Set<String> = []
  /// Every job in the server's order, when the poll was a `list` (needed to resolve `--active`).
  var listing: [BatchJob]?

  /// Whether this poll tells something about every id in `ids` (seen or gone).
  func covers(_ ids: some Sequence<String>) -> Bool {
    ids.allSatisfy { jobs[$0] != nil || gone.contains($0) }
  }

  /// The ids of the jobs not terminal in the listing, in the server's order and without duplicates.
  var activeIDs: [String]? {
    guard let listing else { return nil }
    var seen = Set<String>()
    return listing.filter { !$0.isTerminal && !$0.id.isEmpty && seen.insert($0.id).inserted }.map(\.id)
  }

  /// Builds a result from a `list` answer; the first job wins when the server repeats an id.
  init(listing: [BatchJob]) {
    self.listing = listing
    for job in listing where jobs[job.id] == nil { jobs[job.id] = job }
  }

  /// Builds a result from one `get` answer (or its 404).
  init(job: BatchJob?, id: String) {
    if let job { jobs[id] = job } else { gone.insert(id) }
  }
}
