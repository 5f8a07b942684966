import Foundation

/// Keeps stray output off the protocol stream: the real stdout moves to a private descriptor for the server's writer,
/// and descriptor 1 becomes a copy of stderr, so a `print` anywhere in the process lands in diagnostics.
///
/// sourcekit-lsp does the same before serving. Install it once, first thing in `--rpc` mode, before anything prints.
public struct StdoutGuard: Sendable {
  /// The descriptor the protocol is written to (the original stdout); closed on exec.
  public let protocolFD: Int32

  /// Duplicates stdout to a private descriptor and points descriptor 1 at stderr.
  ///
  /// - Throws: `StdoutGuard.Failure` with the `errno` when a descriptor cannot be duplicated; stdout is then left
  ///   unchanged.
  public static func install() throws(Failure) -> StdoutGuard {
    fflush(nil)
    let saved = dup(STDOUT_FILENO)
    guard saved >= 0 else { throw Failure(call: "dup", errno: errno) }
    _ = fcntl(saved, F_SETFD, FD_CLOEXEC)
    guard dup2(STDERR_FILENO, STDOUT_FILENO) >= 0 else {
      let code = errno
      close(saved)
      throw Failure(call: "dup2", errno: code)
    }
    return StdoutGuard(protocolFD: saved)
  }

  /// A failed `dup` or `dup2`.
  public struct Failure: Error, CustomStringConvertible, Sendable {
    public var call: String
    public var errno: Int32

    public var description: String { "cannot protect stdout: \(call) failed: \(String(cString: strerror(errno)))" }
  }
}
