/// The few ways a job changes after it is added: a cancel request and a status forced by a test.
extension JobStore {
  /// Asks to cancel a job, as `POST /v1/batches/{id}/cancel` does.
  ///
  /// A `VALIDATING` or `IN_PROGRESS` job becomes `CANCELING` now and `CANCELLED` after ``cancelDelay``;
  /// a job already cancelling or cancelled is accepted again unchanged; any other terminal job is refused.
  @discardableResult
  public func cancel(_ id: String) -> CancelResult {
    let now = clock.now
    return state.withLockedValue { state in
      guard let index = state.jobIndex[id] else { return .notFound }
      let current = state.jobs[index].state(at: now)
      switch current.status {
      case SimStatus.canceling, SimStatus.cancelled:
        return .accepted
      case let status where SimStatus.isTerminal(status):
        return .finished(status)
      default:
        state.jobs[index].forced = nil
        state.jobs[index].cancelRequestedAt = now
        state.cachedJSON[index] = nil
        return .accepted
      }
    }
  }

  /// Imposes `status` (any text, known or not) on a job from now on, or with nil returns it to its timeline.
  ///
  /// A forced terminal status shows the fields that belong to it: `completed_at` now, `output_file_id` for
  /// `COMPLETED`, `error` and `error_file_id` for `FAILED`. Returns false for an unknown id.
  @discardableResult
  public func forceStatus(_ id: String, to status: String?) -> Bool {
    let now = clock.now
    return state.withLockedValue { state in
      guard let index = state.jobIndex[id] else { return false }
      state.cachedJSON[index] = nil
      guard let status else {
        state.jobs[index].forced = nil
        return true
      }
      let progress = state.jobs[index].state(at: now).progress
      state.jobs[index].forced = SimJob.ForcedStatus(status: status, at: now, progress: progress)
      return true
    }
  }
}
