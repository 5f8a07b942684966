/// One tick of the hub's loop: the request(s), then delivery to every subscription.
extension WatchHub {
  // MARK: - Polling

  /// The ids some subscription still needs, each once, in subscription order.
  func watchedIDs() -> [String] {
    var seen = Set<String>()
    var ids: [String] = []
    for key in subscriptions.keys.sorted() {
      for id in subscriptions[key]?.pendingIDs ?? [] where seen.insert(id).inserted { ids.append(id) }
    }
    return ids
  }

  /// Makes one poll: `get` for a single watched id, otherwise `list()` plus a confirming `get` per missing id.
  func poll(generation current: Int) async {
    pollsStarted += 1
    let ids = watchedIDs()
    let useList = ids.count != 1 || subscriptions.values.contains(where: \.needsListing)
    var result: PollResult
    do {
      if useList {
        result = PollResult(listing: try await api.list())
        guard current == generation else { return }
        try await confirmMissing(&result, generation: current)
      } else {
        result = try await getOrGone(ids[0])
      }
    } catch {
      guard current == generation else { return }
      handleFailure(error)
      return
    }
    guard current == generation else { return }
    handleSuccess(result)
  }

  /// Asks once, with `get`, about each watched id the list lacks: it may be gone (404) or the list stale.
  func confirmMissing(_ result: inout PollResult, generation current: Int) async throws {
    for id in watchedIDs() where result.jobs[id] == nil {
      do {
        let answer = try await getOrGone(id)
        result.jobs.merge(answer.jobs) { old, _ in old }
        result.gone.formUnion(answer.gone)
      } catch let error as BatchError where error.isTransient {
        result.unknown.insert(id)
      } catch {
        // An error about this one id (not a transient one) ends only the watches that follow it.
        guard current == generation, !(error is CancellationError) else { throw error }
        result.unknown.insert(id)
        for key in subscriptions.keys.sorted() where subscriptions[key]?.pendingIDs.contains(id) == true {
          subscriptions[key]?.fail(error)
          subscriptions[key] = nil
        }
      }
      guard current == generation else { throw CancellationError() }
    }
  }

  func getOrGone(_ id: String) async throws -> PollResult {
    do {
      return PollResult(job: try await api.get(id), id: id)
    } catch BatchError.notFound {
      return PollResult(job: nil, id: id)
    }
  }

  // MARK: - Outcomes

  func handleSuccess(_ result: PollResult) {
    let now = clock.elapsed()
    let recoveredAfter = failures
    failures = 0
    lastRetry = nil
    lastSuccessAt = now
    var changed = false
    for id in watchedIDs() {
      if let job = result.jobs[id] {
        if let old = known[id], old.status != job.status || old.progress != job.progress { changed = true }
        known[id] = job
        if !job.isTerminal, let fraction = job.progressFraction {
          estimators[id, default: ETAEstimator()].record(progress: fraction, at: now)
        }
      } else if result.gone.contains(id), known[id] != nil {
        changed = true
      }
    }
    latest = (result, now)
    for key in subscriptions.keys.sorted() {
      guard var subscription = subscriptions[key], subscription.isCovered(by: result) else { continue }
      if recoveredAfter > 0 { subscription.recover(afterAttempts: recoveredAfter) }
      if !subscription.started { changed = true }  // a first snapshot restarts the schedule at the base interval
      subscriptions[key] = subscription.apply(result, progress: progressInfo) ? subscription : nil
    }
    let still = Set(watchedIDs())
    known = known.filter { still.contains($0.key) }
    estimators = estimators.filter { still.contains($0.key) }
    lastPollEnd = now
    nextPollAt = now + schedule.nextDelay(changed: changed, random: random())
  }

  func handleFailure(_ error: any Error) {
    guard let error = error as? BatchError, error.isTransient else {
      for key in subscriptions.keys.sorted() { subscriptions[key]?.fail(error) }
      subscriptions = [:]
      return
    }
    let now = clock.elapsed()
    failures += 1
    let delay = schedule.nextDelay(changed: false, retryAfter: error.retryAfter, random: random())
    lastPollEnd = now
    nextPollAt = now + delay
    let retry = WatchRetry(error: error, attempt: failures, nextTryIn: delay)
    lastRetry = retry
    for key in subscriptions.keys.sorted() {
      guard var subscription = subscriptions[key] else { continue }
      if now - max(lastSuccessAt, subscription.joinedAt) >= subscription.request.outageLimit {
        subscription.fail(error)
        subscriptions[key] = nil
      } else {
        subscription.retry(retry)
        subscriptions[key] = subscription
      }
    }
  }
}
