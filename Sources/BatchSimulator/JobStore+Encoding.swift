import NIOCore

/// The wire JSON of jobs, with a finished job's encoding cached since it can no longer change on its own.
extension JobStore {
  private enum Lookup {
    case cached(ByteBuffer)
    case job(SimJob, index: Int)
    case missing
  }

  /// The job with `id` as `GET /v1/batches/{id}` shows it now, or nil for an unknown id.
  ///
  /// A terminal job's JSON is encoded once and then served from the cache until a cancel or forced status
  /// changes the job (or the clock is moved back before its end).
  public func encodedJob(_ id: String) -> ByteBuffer? {
    let now = clock.now
    let lookup: Lookup = state.withLockedValue { state in
      guard let index = state.jobIndex[id] else { return .missing }
      if let cached = state.cachedJSON[index], now >= cached.validFrom { return .cached(cached.buffer) }
      return .job(state.jobs[index], index: index)
    }
    switch lookup {
    case .missing:
      return nil
    case .cached(let buffer):
      return buffer
    case .job(let job, let index):
      let jobState = job.state(at: now)
      let buffer = JobJSON.encode(job, jobState)
      if jobState.isTerminal, job.forced == nil, let end = jobState.completedAt {
        state.withLockedValue { state in
          // Cache only if nobody changed the job meanwhile.
          let current = state.jobs[index]
          guard current.forced == nil, current.cancelRequestedAt == job.cancelRequestedAt else { return }
          state.cachedJSON[index] = CachedJSON(buffer: buffer, validFrom: end)
        }
      }
      return buffer
    }
  }

  /// Every job as `GET /v1/batches` shows them now: a bare JSON array, oldest first.
  public func encodedJobList() -> ByteBuffer {
    let now = clock.now
    let (jobs, cached) = state.withLockedValue { ($0.jobs, $0.cachedJSON) }
    var buffer = ByteBufferAllocator().buffer(capacity: 2 + jobs.count * 560)
    buffer.writeStaticString("[")
    for (index, job) in jobs.enumerated() {
      if index > 0 { buffer.writeStaticString(",") }
      if let hit = cached[index], now >= hit.validFrom {
        buffer.writeImmutableBuffer(hit.buffer)
      } else {
        JobJSON.write(job, job.state(at: now), into: &buffer)
      }
    }
    buffer.writeStaticString("]")
    return buffer
  }
}
