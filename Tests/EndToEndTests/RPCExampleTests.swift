import Foundation
import Testing

/// `scripts/rpc-example.py`, the integration example the README points at, runs as documented.
@Suite struct RPCExampleTests {
  @Test(.enabled(if: Binaries.onPath("python3") != nil, "needs python3"))
  func theExampleListsWatchesAnActiveJobToTheEndAndShutsDown() async throws {
    let box = try await Sandbox.start(speed: 0)
    defer { box.close() }
    let done = try await box.sim.addJobID(["created_ago": 5000])
    let running = try await box.sim.addJobID(["validating_seconds": 1, "run_seconds": 4])
    let process = try ChildProcess(
      try #require(Binaries.onPath("python3")),
      [Binaries.packageFile("scripts/rpc-example.py"), "--base-url", box.sim.baseURL],
      environment: box.environment(["BATCHSH": Binaries.batchsh]), directory: box.home.path)
    async let finished = process.finish(timeout: 90)
    // The clock stands still until the example's watch first polls the job, so the job is still active when the
    // example looks for one, however slowly Python and batchsh start; then the job runs its course in 2.5 s.
    let deadline = ContinuousClock.now + .seconds(60)
    while try await box.sim.requestCounts()["GET /v1/batches/\(running)", default: 0] == 0,
      ContinuousClock.now < deadline
    {
      try await Task.sleep(for: .milliseconds(50))
    }
    try await box.sim.control("POST", "/_sim/clock", ["speed": 2])
    let result = await finished
    #expect(result.status == 0, "\(result)")
    #expect(result.out.contains("2 most recent jobs:"), "\(result)")
    #expect(result.out.contains(done), "\(result)")
    #expect(result.out.contains("watching \(running):"), "\(result)")
    #expect(result.out.contains("watch/update  \(running)  COMPLETED"), "\(result)")
    let final = try #require(result.out.range(of: "final: ")).upperBound
    let jobs = try #require(JSON.array(result.out[final...]))
    #expect(jobs.first?["id"] as? String == running)
    #expect(jobs.first?["status"] as? String == "COMPLETED")
  }
}
