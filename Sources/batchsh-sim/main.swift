import ArgumentParser
import BatchSimulator
import Dispatch
import Foundation
import NIOCore
import NIOPosix

/// `batchsh-sim`: runs the Together Batch API simulator on a loopback port until SIGINT or SIGTERM.
struct SimCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "batchsh-sim",
    abstract: "A local fake of the Together Batch API, for demos and tests.",
    discussion: """
      The first line on stdout is exactly `listening on http://127.0.0.1:PORT`.
      Point a client at it with TOGETHER_BASE_URL=http://127.0.0.1:PORT and
      TOGETHER_API_KEY=sim-key.

      API routes (Authorization: Bearer KEY): GET and POST /v1/batches,
      GET /v1/batches/{id}, POST /v1/batches/{id}/cancel, GET /v1/files/{id},
      GET /v1/files/{id}/content.

      Faults (--fault, repeatable): [METHOD ]PATH:KIND[:ARG]:COUNT
        PATH   * (any /v1 path), an exact path (/v1/batches), or a prefix
               ending in * (/v1/files/*)
        KIND   status[:CODE=500]       error status, JSON error body
               rate-limit[:SECONDS=1]  429 + Retry-After (ARG like 1500ms
                                       also sends retry-after-ms)
               delay[:SECONDS=2]       the normal response, late
               drop                    close the connection, no response
               malformed               200 with a body that is not JSON
               truncated               200 with half the real JSON body
               html[:CODE=502]         an HTML error page, as a proxy sends
               cut[:BYTES=100]         real head and Content-Length, then
                                       BYTES of body, then close
               stall[:SECONDS=2]       real head, then the body in quarters
                                       with SECONDS of silence between them
        COUNT  how many matching requests suffer it, or `always`
      Examples: --fault /v1/batches:status:503:2  --fault '*:rate-limit:2:1'
                --fault '/v1/files/*:cut:4096:1'


      """ + SimulatorServer.controlHelp)

  @Option(help: "Port to listen on (0 = any free port).")
  var port = 0

  @Option(help: "Number of seeded jobs.")
  var jobs = 25

  @Option(help: "Simulated seconds per real second (0 = frozen; advance with POST /_sim/clock).")
  var speed = 1.0

  @Option(help: "The bearer key clients must send.")
  var key = "sim-key"

  @Flag(help: "Accept any non-empty bearer key.")
  var anyKey = false

  @Option(help: "Seed for jobs, ids and file contents.")
  var seed: UInt64 = 1

  @Option(name: .customLong("fault"), help: "Inject a fault: [METHOD ]PATH:KIND[:ARG]:COUNT (repeatable).")
  var faults: [String] = []

  func validate() throws {
    guard (0...65535).contains(port) else { throw ValidationError("--port must be 0...65535") }
    guard jobs >= 0 else { throw ValidationError("--jobs must not be negative") }
    guard speed >= 0, speed.isFinite else { throw ValidationError("--speed must be a non-negative number") }
    for fault in faults {
      do { _ = try FaultRule(flag: fault) } catch { throw ValidationError(error.description) }
    }
  }

  /// Starts the simulator, prints the listening line, and serves until SIGINT or SIGTERM.
  func serve() async throws {
    let rules = try faults.map { try FaultRule(flag: $0) }
    let configuration = SimulatorConfiguration(
      port: port, jobs: jobs, speed: speed, apiKey: anyKey ? nil : key, seed: seed, faults: rules)
    let server = try await SimulatorServer.start(configuration)
    FileHandle.standardOutput.write(Data("listening on \(server.baseURL)\n".utf8))
    await Self.waitForTerminationSignal()
    await server.stop()
  }

  /// Returns when SIGINT or SIGTERM arrives.
  private static func waitForTerminationSignal() async {
    signal(SIGINT, SIG_IGN)
    signal(SIGTERM, SIG_IGN)
    let queue = DispatchQueue(label: "batchsh-sim.signals")
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
      let resumed = SignalLatch(continuation)
      let sources = [SIGINT, SIGTERM].map { DispatchSource.makeSignalSource(signal: $0, queue: queue) }
      for source in sources {
        source.setEventHandler { resumed.fire() }
        source.resume()
      }
      resumed.keep(sources)
    }
  }
}

/// Resumes a continuation once, however many signals arrive, and keeps the signal sources alive.
private final class SignalLatch: @unchecked Sendable {
  private var continuation: CheckedContinuation<Void, Never>?
  private var sources: [any DispatchSourceSignal] = []
  private let lock = NSLock()

  init(_ continuation: CheckedContinuation<Void, Never>) {
    self.continuation = continuation
  }

  func keep(_ sources: [any DispatchSourceSignal]) {
    lock.withLock { self.sources = sources }
  }

  func fire() {
    let pending = lock.withLock {
      defer { continuation = nil }
      return continuation
    }
    pending?.resume()
  }
}

// Parsing only: a `main.swift` cannot host `@main`, so the async work runs from top-level code.
let command = SimCommand.parseOrExit()
// Run Swift concurrency on NIO's event loops: request handlers then skip a thread hop each way.
_ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
do {
  try await command.serve()
} catch {
  SimCommand.exit(withError: error)
}
