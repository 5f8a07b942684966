import ArgumentParser
import BatchCommands
import BatchCore
import BatchRPC
import BatchShell
import BatchSimulator
import Foundation

/// The `batchsh` executable: flags, the choice of front end, and wiring; the libraries hold the logic.
@main
struct Batchsh: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "batchsh",
    abstract: "A shell for Together AI batch inference jobs.",
    discussion: """
      With no command, opens the interactive shell when stdin and stdout are terminals, and otherwise reads commands \
      from stdin, one per line. Commands: \(CommandTable.standard.names(for: .oneShot).joined(separator: ", ")). \
      Run 'batchsh help COMMAND' for a command's help, 'man batchsh' for everything.
      """,
    version: BatchshVersion.current)

  @Flag(help: "Start the built-in simulator of the Together API and connect to it (no key needed).")
  var sim = false
  @Option(help: "Jobs the simulator is seeded with.") var simJobs = 25
  @Option(help: "How many times faster than real time the simulator's jobs run.") var simSpeed = 1.0
  @Option(help: "The API base URL (default: TOGETHER_BASE_URL, then https://api.together.ai).") var baseURL: String?
  @Option(help: "Colour: auto, always or never.") var color: String?
  @Flag(help: "Serve line-delimited JSON-RPC 2.0 on stdin/stdout.") var rpc = false
  @Option(name: [.customShort("f"), .long], help: "Run the commands in FILE.") var file: String?
  @Flag(help: "In script mode, go on after a failing command (exit 1 if any failed).") var keepGoing = false
  @Flag(help: .hidden) var generateManPage = false
  @Argument(parsing: .captureForPassthrough, help: "A command to run once, with its arguments.")
  var command: [String] = []

  mutating func run() async throws {
    if generateManPage { return print(ManPage(table: .standard).render(), terminator: "") }
    let simulator = sim ? try await SimulatorServer.start(
      SimulatorConfiguration(jobs: simJobs, speed: simSpeed, apiKey: nil)) : nil
    let settings: SessionSettings
    do {
      settings = try SessionSettings.resolve(
        baseURL: baseURL, color: color, simulator: simulator.map { ($0.baseURL, "sim-key") })
    } catch {
      FileHandle.standardError.write(Data("batchsh: error: \(error)\n".utf8))
      throw ExitCode(ExitStatus(error: error).rawValue)
    }
    let needsKey = !(command.first.map { ["help", "-h", "--help"].contains($0) } ?? false)
    if settings.client == nil, needsKey {
      FileHandle.standardError.write(Data("batchsh: error: \(BatchError.missingAPIKey)\n".utf8))
      throw ExitCode(ExitStatus.authentication.rawValue)
    }
    let status = await Launcher(settings: settings, rpc: rpc, file: file, keepGoing: keepGoing, command: command).run()
    await simulator?.stop()
    if status != 0 { throw ExitCode(status) }
  }
}
