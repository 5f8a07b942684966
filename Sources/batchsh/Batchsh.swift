import ArgumentParser
import BatchCommands
import BatchCore
import BatchRPC
import BatchShell
import BatchSimulator
import CEditLine
import Foundation

/// The `batchsh` executable: flags, the choice of front end, and wiring; the libraries hold the logic.
///
/// A synchronous command whose async part runs through `BlockingTask` (it says why).
@main
struct Batchsh: ParsableCommand, Sendable {
  static let configuration = CommandConfiguration(
    commandName: "batchsh",
    abstract: "A shell for Together AI batch inference jobs.",
    discussion: """
      With no command, opens the interactive shell when stdin and stdout are terminals, and otherwise reads commands \
      from stdin, one per line. Commands: \(CommandTable.standard.names(for: .oneShot).joined(separator: ", ")). \
      Run 'batchsh help COMMAND' for a command's help, 'man batchsh' for everything.
      """,
    version: BatchshVersion.current)

  @Flag(help: Self.help(.sim)) var sim = false
  @Option(help: Self.help(.simJobs)) var simJobs = 25
  @Option(help: Self.help(.simSpeed)) var simSpeed = 1.0
  @Option(name: .customLong("base-url"), help: Self.help(.baseURL)) var baseURL: String?
  @Option(help: Self.help(.color)) var color: String?
  @Flag(help: Self.help(.rpc)) var rpc = false
  @Option(name: [.customShort("f"), .long], help: Self.help(.file)) var file: String?
  @Flag(help: Self.help(.keepGoing)) var keepGoing = false
  @Flag(help: .hidden) var generateManPage = false
  @Argument(parsing: .captureForPassthrough, help: "A command to run once, with its arguments.")
  var command: [String] = []

  /// Limits the C allocator to one arena, then parses the arguments and runs.
  ///
  /// glibc gives threads that contend for the allocator arenas of their own, up to eight per core, and each keeps
  /// the memory freed into it: a watch of 1,000 jobs peaked at 41 MB with them and 31 MB with one. Small
  /// allocations go through each thread's cache without the arena's lock, and batchsh is bound by the network.
  static func main() {
    _ = cel_limit_malloc_arenas(1)
    main(nil)
  }

  /// The help of an option, from the list the man page is generated from.
  static func help(_ option: LaunchOption) -> ArgumentHelp {
    ArgumentHelp(option.summary, valueName: option.valueName)
  }

  mutating func run() throws {
    if generateManPage { return print(ManPage(table: .standard).render(), terminator: "") }
    if command == ["--version"] { return print(BatchshVersion.current) }  // swallowed like --help, below
    if command == ["--help"] || command == ["-h"] {
      // The passthrough argument swallows --help; show the options, then the commands (via `help`).
      FileHandle.standardOutput.write(Data((Self.helpMessage() + "\n\n").utf8))
      command = ["help"]
    }
    let flags = self
    let status = BlockingTask.run { await flags.launch() }
    if status != 0 { throw ExitCode(status) }
  }

  /// Starts the in-process simulator if asked, resolves the settings and runs the front end; the exit status.
  private func launch() async -> Int32 {
    let simulator: SimulatorServer?
    let settings: SessionSettings
    do {
      simulator = sim ? try await SimulatorServer.start(
        SimulatorConfiguration(jobs: simJobs, speed: simSpeed, apiKey: nil, ownEventLoop: true)) : nil
    } catch {
      FileHandle.standardError.write(Data("batchsh: error: cannot start the simulator: \(error)\n".utf8))
      return ExitStatus.failure.rawValue
    }
    do {
      settings = try SessionSettings.resolve(
        baseURL: baseURL, color: color, simulator: simulator.map { ($0.baseURL, "sim-key") })
    } catch {
      FileHandle.standardError.write(Data("batchsh: error: \(error)\n".utf8))
      return ExitStatus(error: error).rawValue
    }
    // Help needs no key: `help`, `-h`, and `COMMAND -h` / `COMMAND --help`.
    let needsKey = command.first != "help" && !command.contains("-h") && !command.contains("--help")
    if settings.client == nil, needsKey {
      FileHandle.standardError.write(Data("batchsh: error: \(BatchError.missingAPIKey)\n".utf8))
      return ExitStatus.authentication.rawValue
    }
    let status = await Launcher(settings: settings, rpc: rpc, file: file, keepGoing: keepGoing, command: command).run()
    await simulator?.stop()
    return status
  }
}
