import Foundation

/// Spawns programs that may leave a daemon behind (the tmux server) without letting it inherit the test's files.
///
/// Foundation's `Process` gives each child a socket whose closing tells it that the child ended; a daemon forked by
/// the child keeps that socket, so `Process` would never see the child exit. Here the child gets `/dev/null` as
/// stdio, every other descriptor closed and default signal handling, and is reaped with `waitpid`. ``lock`` is also
/// taken by ``ChildProcess`` while it creates pipes and spawns, so no half-made pipe can leak into a daemon.
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
    // Threads of the test process block signals and it ignores SIGPIPE: give the child a clean slate.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var signals = sigset_t()
    sigemptyset(&signals)
    posix_spawnattr_setsigmask(&attributes, &signals)
    sigfillset(&signals)
    posix_spawnattr_setsigdefault(&attributes, &signals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    let argv = arguments.map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var pid: pid_t = 0
    let result = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
    guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EIO) }
    return pid
  }
}
