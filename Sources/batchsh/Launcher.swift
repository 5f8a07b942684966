import BatchCommands
import BatchRPC
import BatchShell
import Foundation

/// Picks the front end for this run — JSON-RPC, one-shot, script or REPL — and runs it to an exit status.
struct Launcher {
  let settings: SessionSettings
  let rpc: Bool
  let file: String?
  let keepGoing: Bool
  let command: [String]

  func run() async -> Int32 {
    let builder = SessionBuilder(settings: settings)
    if rpc { return await serveRPC(builder) }
    if !command.isEmpty {
      return await builder.runner(for: .oneShot).run(words: command).exitStatus.rawValue
    }
    if let file {
      do {
        let reader = try PlainLineReader(path: file)
        return await ScriptRunner(runner: builder.runner(for: .script), reader: reader, keepGoing: keepGoing)
          .run().rawValue
      } catch {
        builder.console.printError("batchsh: error: cannot read '\(file)': \(error)\n")
        return ExitStatus.failure.rawValue
      }
    }
    if EditLineEditor.isUsable() {
      return await builder.repl().run(banner: builder.banner).rawValue
    }
    return await ScriptRunner(runner: builder.runner(for: .script), reader: PlainLineReader(), keepGoing: keepGoing)
      .run().rawValue
  }

  /// Serves JSON-RPC with stdout reserved for protocol lines (stray prints go to stderr).
  private func serveRPC(_ builder: SessionBuilder) async -> Int32 {
    let output: Int32
    do {
      output = try StdoutGuard.install().protocolFD
    } catch {
      builder.console.printError("batchsh: error: \(error)\n")
      return ExitStatus.failure.rawValue
    }
    let server = RPCServer(context: builder.context(for: .rpc), output: output,
      secrets: settings.client?.apiKey.map { [$0] }, executor: builder.executor(for: .rpc))
    let signals = ShutdownSignals { server.beginShutdown() }
    let status = await server.run()
    withExtendedLifetime(signals) {}
    return status
  }
}
