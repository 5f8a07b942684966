import Testing

@testable import BatchCore

/// ETA estimates from recent progress samples.
@Suite struct ETAEstimatorTests {
  @Test func noEstimateFromOneSample() {
    var estimator = ETAEstimator()
    estimator.record(progress: 0.3, at: 0)
    #expect(estimator.etaSeconds == nil)
  }

  @Test func noEstimateWhileProgressIsFlat() {
    var estimator = ETAEstimator()
    estimator.record(progress: 0.3, at: 0)
    estimator.record(progress: 0.3, at: 10)
    estimator.record(progress: 0.3, at: 20)
    #expect(estimator.rate == nil)
    #expect(estimator.etaSeconds == nil)
  }

  @Test func estimatesFromTwoDifferentSamples() throws {
    var estimator = ETAEstimator()
    estimator.record(progress: 0.1, at: 0)
    estimator.record(progress: 0.2, at: 10)
    let eta = try #require(estimator.etaSeconds)
    #expect(abs(eta - 80) < 1e-9)
    #expect(abs((estimator.eta(at: 30) ?? -1) - 60) < 1e-9)
    #expect(estimator.eta(at: 1_000) == 0)
  }

  @Test func followsTheRecentRateOnly() throws {
    var estimator = ETAEstimator(window: 60, maxSamples: 10)
    estimator.record(progress: 0.0, at: 0)
    estimator.record(progress: 0.5, at: 10)  // fast at first…
    for step in 1...12 { estimator.record(progress: 0.5 + Double(step) * 0.01, at: 10 + Double(step) * 10) }
    // …then 1 % per 10 s: the window keeps the slow part only.
    let eta = try #require(estimator.etaSeconds)
    #expect(abs(eta - 380) < 1e-6)
    #expect(estimator.samples.count <= 10)
  }

  @Test func progressGoingBackwardsStartsAgain() {
    var estimator = ETAEstimator()
    estimator.record(progress: 0.5, at: 0)
    estimator.record(progress: 0.6, at: 10)
    estimator.record(progress: 0.1, at: 20)
    #expect(estimator.samples.count == 1)
    #expect(estimator.etaSeconds == nil)
  }

  @Test func finishedProgressMeansNoTimeLeft() {
    var estimator = ETAEstimator()
    estimator.record(progress: 0.9, at: 0)
    estimator.record(progress: 1.0, at: 10)
    #expect(estimator.etaSeconds == 0)
  }

  @Test func progressInfoForCompletedAndRunningJobs() {
    var estimator = ETAEstimator()
    estimator.record(progress: 0.1, at: 0)
    estimator.record(progress: 0.2, at: 10)
    let running = JobProgressInfo(job: BatchJob(id: "a", status: .inProgress, progress: 20), estimator: estimator)
    #expect(running.isEstimate && running.etaSeconds != nil && running.fraction == 0.2)
    let done = JobProgressInfo(job: BatchJob(id: "a", status: .completed, progress: 100), estimator: nil)
    #expect(done.etaSeconds == 0 && !done.isEstimate)
    let failed = JobProgressInfo(job: BatchJob(id: "a", status: .failed, progress: 20), estimator: estimator)
    #expect(failed.etaSeconds == nil)
  }
}
