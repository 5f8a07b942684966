@testable import BatchRPC
import Foundation
import Testing

/// Moving stdout aside: the protocol descriptor is the old stdout, and descriptor 1 becomes stderr.
@Suite(.serialized) struct StdoutGuardTests {
  @Test func descriptorOneBecomesStderrAndTheProtocolKeepsTheOldStdout() throws {
    let original = dup(STDOUT_FILENO)
    defer {
      dup2(original, STDOUT_FILENO)
      close(original)
    }
    var statOriginal = stat()
    fstat(STDOUT_FILENO, &statOriginal)
    let guarded = try StdoutGuard.install()
    defer { close(guarded.protocolFD) }
    var statProtocol = stat()
    var statOne = stat()
    var statErr = stat()
    fstat(guarded.protocolFD, &statProtocol)
    fstat(STDOUT_FILENO, &statOne)
    fstat(STDERR_FILENO, &statErr)
    #expect(statProtocol.st_ino == statOriginal.st_ino && statProtocol.st_dev == statOriginal.st_dev)
    #expect(statOne.st_ino == statErr.st_ino && statOne.st_dev == statErr.st_dev)
    #expect(fcntl(guarded.protocolFD, F_GETFD) & FD_CLOEXEC != 0)
  }
}
