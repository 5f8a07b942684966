import ArgumentParser
import BatchCore
import BatchSimulator
import Foundation

/// Measures `BatchClient` against a simulator and prints one `key=value` line per figure.
@main
struct BenchCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "batchsh-bench",
    abstract: """
      Measure BatchClient (sequential gets, concurrent gets, list) and AsyncHTTPClient alone, against a simulator.
      """,
    discussion: """
      Output lines look like `client=BatchClient op=get_sequential n=2000 seconds=0.91 rps=2197.8`.
      Without --base-url an in-process simulator with --sim-jobs jobs is started on a loopback port.
      """)

  @Option(help: "Base URL of a running simulator (or API); default: an in-process simulator.")
  var baseURL: String?

  @Option(help: "API key (default: $TOGETHER_API_KEY, else the simulator's 'sim-key').")
  var key: String?

  @Option(help: "Jobs seeded in the in-process simulator.")
  var simJobs = 10_000

  @Option(name: .customLong("gets"), help: "Number of gets per run.")
  var getCount = 2_000

  @Option(help: "Gets in flight for the concurrent run.")
  var concurrency = 16

  @Option(help: "Timed runs of list.")
  var listRuns = 7

  @Option(
    help: """
      Figures to measure, comma-separated: get_sequential (a loop on BatchClient.connectionExecutor), \
      get_sequential_pool (the same loop on the concurrency pool), get_sequential_ahc (the same gets through \
      AsyncHTTPClient alone, in the same loop), get_concurrent, list, decode (list decode only).
      """)
  var ops = "get_sequential,get_concurrent,list"

  func validate() throws {
    guard getCount > 0, concurrency > 0, listRuns > 0 else {
      throw ValidationError("--gets, --concurrency and --list-runs must be positive")
    }
  }

  func run() async throws {
    try await measure()
  }

  /// Runs every wanted measurement and prints its line.
  func measure() async throws {
    var simulator: SimulatorServer?
    let base: String
    if let baseURL {
      base = baseURL
    } else {
      let server = try await SimulatorServer.start(SimulatorConfiguration(jobs: simJobs, speed: 0))
      simulator = server
      base = server.baseURL
    }
    let apiKey = key ?? ProcessInfo.processInfo.environment["TOGETHER_API_KEY"] ?? "sim-key"
    let configuration = try BatchClientConfiguration(baseURL: base, apiKey: apiKey, retryPolicy: .none)
    let bench = ClientBenchmark(client: BatchClient(configuration: configuration))
    let label = "client=BatchClient"
    let wanted = Set(ops.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })

    let ids = try await bench.jobIDs()
    guard !ids.isEmpty else { throw ValidationError("the server has no jobs to get") }
    try await bench.warmUp(ids: ids)
    if wanted.contains("get_sequential") {
      let seconds = try await bench.sequentialGets(ids: ids, count: getCount, on: BatchClient.connectionExecutor)
      report(label, "get_sequential", ["n": getCount, "seconds": seconds, "rps": Double(getCount) / seconds])
    }
    if wanted.contains("get_sequential_pool") {
      let seconds = try await bench.sequentialGets(ids: ids, count: getCount, on: nil)
      report(label, "get_sequential_pool", ["n": getCount, "seconds": seconds, "rps": Double(getCount) / seconds])
    }
    if wanted.contains("get_sequential_ahc") {
      try await measureBaseline(HTTPClientBaseline(baseURL: base, apiKey: apiKey), ids: ids)
    }
    if wanted.contains("get_concurrent") {
      let seconds = try await bench.concurrentGets(ids: ids, count: getCount, inFlight: concurrency)
      let rps = Double(getCount) / seconds
      report(label, "get_concurrent", ["n": getCount, "inflight": concurrency, "seconds": seconds, "rps": rps])
    }
    if wanted.contains("list") {
      let ms = try await bench.lists(runs: listRuns).sorted().map { $0 * 1000 }
      report(
        label, "list",
        ["jobs": ids.count, "runs": listRuns, "median_ms": ms[ms.count / 2], "min_ms": ms[0], "max_ms": ms.last!])
    }
    if wanted.contains("decode") {
      let ms = try await bench.decodes(runs: listRuns).sorted().map { $0 * 1000 }
      report(label, "decode", ["jobs": ids.count, "runs": listRuns, "median_ms": ms[ms.count / 2]])
    }
    await simulator?.stop()
  }

  /// Sequential gets through AsyncHTTPClient alone, after a short warm-up.
  func measureBaseline(_ baseline: HTTPClientBaseline, ids: [String]) async throws {
    let seconds: Double
    do {
      _ = try await baseline.sequentialGets(ids: ids, count: 100, on: BatchClient.connectionExecutor)
      seconds = try await baseline.sequentialGets(ids: ids, count: getCount, on: BatchClient.connectionExecutor)
    } catch {
      try? await baseline.shutdown()
      throw error
    }
    try await baseline.shutdown()
    let rps = Double(getCount) / seconds
    report("client=AsyncHTTPClient", "get_sequential", ["n": getCount, "seconds": seconds, "rps": rps])
  }

  /// Prints one result line: the label, the operation, then `key=value` pairs (integers as is, reals to 2 places).
  func report(_ label: String, _ op: String, _ fields: KeyValuePairs<String, any Sendable>) {
    let values = fields.map { key, value in
      if let real = value as? Double { return "\(key)=\(String(format: "%.2f", real))" }
      return "\(key)=\(value)"
    }
    print(([label, "op=\(op)"] + values).joined(separator: " "))
  }
}
