import BatchCommands
import BatchCore
import Foundation
import Synchronization

/// A JSON-RPC 2.0 server over line-delimited JSON: reads requests from one file descriptor, runs them through the
/// command table's dispatcher, and writes responses and notifications to another.
///
/// Every request runs as its own task and answers when done, so responses may come out of order; one writer thread
/// writes whole lines. `run()` returns at end of input (after answering the requests in flight; watches answer
/// `-32800`), after `exit`, or after `beginShutdown()`. Usage from an executable:
///
/// ```swift
/// let stdout = try StdoutGuard.install()
/// let server = RPCServer(context: context, input: STDIN_FILENO, output: stdout.protocolFD)
/// let signals = ShutdownSignals { server.beginShutdown() }
/// exit(await withExtendedLifetime(signals) { await server.run() })
/// ```
public final class RPCServer: Sendable {
  /// Lines longer than this (1 MiB) are dropped unread and answered with `-32700`.
  public static let defaultMaxLineLength = 1 << 20
  /// Commands other than `watch` that run at once; more wait their turn. Each holds one pooled connection; on
  /// loopback sixteen keep both ends busy, and more only add connections that contend for the same cores.
  public static let defaultMaxConcurrentCommands = 16

  let dispatcher: Dispatcher
  let writer: OutputWriter
  let registry = RequestRegistry()
  /// Bounds how many commands other than `watch` run at once (the rest wait their turn, in order).
  let limiter: ConcurrencyLimiter
  let maxLineLength: Int
  /// Texts that must never appear in an error message (the API key).
  let secrets: [String]
  /// Where requests run (nil: the concurrency pool).
  let executor: (any TaskExecutor)?
  let diagnostics: @Sendable (String) -> Void
  private let input: Int32
  private let wakePipe: (read: Int32, write: Int32)
  let lifecycle = Mutex(Lifecycle())
  let discovery = Mutex<[UInt8]?>(nil)

  /// Where the server is in its life.
  struct Lifecycle {
    var started = false
    /// `shutdown` was answered: later requests are refused.
    var shutdownRequested = false
    /// `exit` was received.
    var exitRequested = false
    /// Reading stops after the current line (exit, a signal, a broken output).
    var stopping = false
  }

  /// Makes a server for a command context; nothing is read until `run()`.
  ///
  /// - Parameters:
  ///   - context: the context every request runs in. Its front end is set to `.rpc` and its output to JSON; when it
  ///     has no watcher, one `WatchHub` on its API is made for the server's whole life, so watches of the same job
  ///     share one poller. Each request gets its own event sink.
  ///   - input: the descriptor requests are read from (not closed by the server).
  ///   - output: the descriptor protocol lines are written to (not closed by the server).
  ///   - maxLineLength: the longest line accepted, in bytes.
  ///   - maxConcurrentCommands: how many commands other than `watch` run at once.
  ///   - secrets: texts to redact from error messages; by default the `TOGETHER_API_KEY` of the environment.
  ///   - executor: where requests run; nil for Swift's concurrency pool. `batchsh --rpc` runs them on the HTTP
  ///     client's event loop (`BatchClient.connectionExecutor`), as a script's commands: a request is sent and
  ///     answered without leaving the loop's thread, and a get took a third less CPU (`scripts/bench/rpc`).
  ///   - diagnostics: where notices and internal problems go; by default standard error.
  public init(
    context: CommandContext, input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO,
    maxLineLength: Int = RPCServer.defaultMaxLineLength,
    maxConcurrentCommands: Int = RPCServer.defaultMaxConcurrentCommands, secrets: [String]? = nil,
    executor: (any TaskExecutor)? = nil, diagnostics: (@Sendable (String) -> Void)? = nil
  ) {
    var context = context
    context.frontEnd = .rpc
    context.output.json = true
    if context.watcher == nil { context.watcher = WatchHub(api: context.api) }
    self.dispatcher = Dispatcher(context: context)
    self.input = input
    self.maxLineLength = maxLineLength
    self.executor = executor
    limiter = ConcurrencyLimiter(limit: maxConcurrentCommands)
    self.secrets = (secrets ?? [ProcessInfo.processInfo.environment["TOGETHER_API_KEY"] ?? ""]).filter { !$0.isEmpty }
    let log = diagnostics ?? { FileHandle.standardError.write(Data("batchsh --rpc: \($0)\n".utf8)) }
    self.diagnostics = log
    var fds: [Int32] = [-1, -1]
    if pipe(&fds) != 0 { log("cannot create a pipe (errno \(errno)); shutdown by signal will wait for input") }
    wakePipe = (fds[0], fds[1])
    let wake = fds[1]
    writer = OutputWriter(fd: output) { error in
      // Nobody reads the answers any more: stop reading as at end of input.
      log("cannot write to the output (errno \(error)); stopping")
      var byte: UInt8 = 1
      if wake >= 0 { _ = write(wake, &byte, 1) }
    }
  }

  deinit {
    if wakePipe.read >= 0 { close(wakePipe.read) }
    if wakePipe.write >= 0 { close(wakePipe.write) }
  }

  // MARK: - Running

  /// Serves until end of input, `exit` or `beginShutdown()`; returns the process exit status.
  ///
  /// At the end, watches in flight answer `-32800` and other requests are answered; every line is written before
  /// this returns. The status is 0, or 1 after an `exit` that no `shutdown` preceded (as in LSP).
  public func run() async -> Int32 {
    let first = lifecycle.withLock { state in
      defer { state.started = true }
      return !state.started
    }
    guard first else { return 1 }
    signal(SIGPIPE, SIG_IGN)
    writer.start()
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
      let thread = Thread { [self] in
        readLines()
        continuation.resume()
      }
      thread.name = "batchsh.rpc.reader"
      thread.start()
    }
    registry.cancelWatches()
    await registry.waitUntilIdle()
    await writer.finish()
    return lifecycle.withLock { $0.exitRequested && !$0.shutdownRequested ? 1 : 0 }
  }

  /// Stops reading as if the input had ended (SIGTERM); safe to call from any thread, at any time, more than once.
  public func beginShutdown() {
    lifecycle.withLock { $0.stopping = true }
    guard wakePipe.write >= 0 else { return }
    var byte: UInt8 = 1
    _ = write(wakePipe.write, &byte, 1)
  }

  /// Reads and handles lines until end of input or a stop.
  private func readLines() {
    let reader = LineReader(fd: input, maxLength: maxLineLength, wakeFD: wakePipe.read >= 0 ? wakePipe.read : nil)
    while !lifecycle.withLock({ $0.stopping }), let line = reader.next() {
      handle(line)
    }
  }
}
