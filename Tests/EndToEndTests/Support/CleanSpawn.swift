import Foundation

/// Spawns programs that may leave a daemon behind (the tmux server) without letting it inherit the test's files.
///
/// Foundation's `Process` gives each child a socket whose closing tells it that the child ended; a daemon forked by
/// the child keeps that socket, so `Process` would never see the child exit. Here the child gets `/dev/null` as
/// stdio and every other descriptor closed, and is reaped with `waitpid`. ``lock`` is also taken by
/// ``ChildProcess`` while it creates pipes and spawns, so no half-made pipe can leak into a daemon.
enum CleanSpawn {
  static let lock = NSLock()

  /// Runs `arguments` (an absolute executable path first) to its end; returns its exit status.
  static func run(_ arguments: [String], environment: [String: String], timeout: Double = 30) async throws -> Int32 {
    let pid = try lock.withLock { try spawn(arguments, environment: environment) }
    let deadline = Date().addingTimeInterval(timeout)
    var status: Int32 = 0
    while waitpid(pid, &status, WNOHANG) == 0 {
      if Date() >= deadline { kill(pid, SIGKILL) }
      try await Task.sleep(for: .milliseconds(10))
    }
    return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
  }

  private static func spawn(_ arguments: [String], environment: [String: String]) throws -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for fd in Int32(0)...2 {
      posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
    }
    let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
    for fd in open.compactMap(Int32.init) where fd > 2 {
      posix_spawn_file_actions_addclose(&actions, fd)
    }
    let argv = arguments.map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var pid: pid_t = 0
    let result = posix_spawn(&pid, arguments[0], &actions, nil, argv, envp)
    guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EIO) }
    return pid
  }
}
