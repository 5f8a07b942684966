import Foundation

/// One test's world: a simulator, a temporary home with the history file, and a way to run `batchsh` against them.
///
/// `batchsh` runs in a clean environment (no inherited `TOGETHER_*`): `BATCHSH_HISTORY` in the temporary folder,
/// `NO_COLOR=1`, `TOGETHER_API_KEY=sim-key` and `--base-url` pointing at the simulator.
final class Sandbox: Sendable {
  let sim: SimulatorProcess
  let home: TemporaryDirectory

  private init(sim: SimulatorProcess, home: TemporaryDirectory) {
    self.sim = sim
    self.home = home
  }

  /// Starts a simulator (see ``SimulatorProcess/start(speed:jobs:key:arguments:)``) and makes a home folder.
  static func start(speed: Double = 300, jobs: Int = 0, arguments: [String] = []) async throws -> Sandbox {
    let home = try TemporaryDirectory()
    do {
      return Sandbox(sim: try await SimulatorProcess.start(speed: speed, jobs: jobs, arguments: arguments), home: home)
    } catch {
      home.remove()
      throw error
    }
  }

  /// Stops the simulator and removes the home folder.
  func close() {
    sim.stop()
    home.remove()
  }

  /// The environment `batchsh` runs in, with `extra` on top (an empty value removes a variable).
  func environment(_ extra: [String: String] = [:]) -> [String: String] {
    var environment = [
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
      "HOME": home.path,
      "XDG_STATE_HOME": home.file("state"),
      "LANG": "C.UTF-8",
      "TERM": "dumb",
      "NO_COLOR": "1",
      "BATCHSH_HISTORY": home.file("history"),
      "TOGETHER_API_KEY": sim.key,
    ]
    for (name, value) in extra { environment[name] = value.isEmpty ? nil : value }
    return environment
  }

  /// Starts `batchsh --base-url SIM ARGS…` in the background.
  func start(_ arguments: [String], stdin: Data? = nil, env: [String: String] = [:], directory: String? = nil,
    baseURL: Bool = true) throws -> ChildProcess
  {
    try ChildProcess(
      Binaries.batchsh, (baseURL ? ["--base-url", sim.baseURL] : []) + arguments, environment: environment(env),
      directory: directory ?? home.path, stdin: stdin)
  }

  /// Runs `batchsh --base-url SIM ARGS…` to the end.
  func run(_ arguments: [String], stdin: Data? = nil, env: [String: String] = [:], directory: String? = nil,
    baseURL: Bool = true, timeout: Double = 60) async throws -> ProcessResult
  {
    try await start(arguments, stdin: stdin, env: env, directory: directory, baseURL: baseURL).finish(timeout: timeout)
  }

  /// Runs a script given as text on stdin (script mode), with extra launch flags before it.
  func script(_ text: String, flags: [String] = [], timeout: Double = 60) async throws -> ProcessResult {
    try await run(flags, stdin: Data(text.utf8), timeout: timeout)
  }
}
