import Foundation

/// A running child process whose stdout and stderr are drained on background threads as they arrive.
///
/// Reading both pipes while the child runs (and feeding stdin from another thread) means no pipe can fill up and
/// deadlock the two sides. The child is killed if it is still running when the object goes away.
final class ChildProcess: @unchecked Sendable {
  private let process = Process()
  private let lock = NSLock()
  private var outData = Data()
  private var errData = Data()
  private var openStreams = 2
  private static let ignoreSIGPIPE: Void = { signal(SIGPIPE, SIG_IGN) }()

  init(_ executable: String, _ arguments: [String], environment: [String: String], directory: String? = nil,
    stdin: Data? = nil) throws
  {
    _ = Self.ignoreSIGPIPE
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = environment
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let (output, errors, input) = try CleanSpawn.lock.withLock {
      let pipes = (Pipe(), Pipe(), Pipe())
      process.standardOutput = pipes.0
      process.standardError = pipes.1
      process.standardInput = pipes.2
      try process.run()
      return pipes
    }
    drain(output.fileHandleForReading, isError: false)
    drain(errors.fileHandleForReading, isError: true)
    feed(input.fileHandleForWriting, stdin ?? Data())
  }

  deinit {
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
  }

  var pid: Int32 { process.processIdentifier }
  var isRunning: Bool { process.isRunning }
  var stdoutText: String { lock.withLock { String(decoding: outData, as: UTF8.self) } }
  var stderrText: String { lock.withLock { String(decoding: errData, as: UTF8.self) } }

  /// Sends a signal (SIGINT, SIGTERM, …) to the child.
  func send(_ signal: Int32) {
    if process.isRunning { kill(process.processIdentifier, signal) }
  }

  /// Polls until `condition` holds for stdout and stderr, or `timeout` seconds pass; returns whether it held.
  func waitForOutput(timeout: Double, _ condition: (_ stdout: String, _ stderr: String) -> Bool) async -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if condition(stdoutText, stderrText) { return true }
      try? await Task.sleep(for: .milliseconds(20))
    }
    return condition(stdoutText, stderrText)
  }

  /// Waits for the child to exit (killing it after `timeout` seconds) and for its output to be read to the end.
  func finish(timeout: Double = 60) async -> ProcessResult {
    let deadline = Date().addingTimeInterval(timeout)
    var timedOut = false
    while process.isRunning {
      if Date() >= deadline {
        timedOut = true
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        break
      }
      try? await Task.sleep(for: .milliseconds(10))
    }
    let streamsDeadline = Date().addingTimeInterval(10)
    while lock.withLock({ openStreams > 0 }), Date() < streamsDeadline {
      try? await Task.sleep(for: .milliseconds(5))
    }
    let status = process.terminationReason == .uncaughtSignal
      ? 128 + process.terminationStatus : process.terminationStatus
    return lock.withLock { ProcessResult(status: status, stdout: outData, stderr: errData, timedOut: timedOut) }
  }

  // MARK: - Pipes

  private func drain(_ handle: FileHandle, isError: Bool) {
    let thread = Thread { [self] in
      while true {
        let chunk = handle.availableData
        if chunk.isEmpty { break }
        lock.withLock {
          if isError { errData.append(chunk) } else { outData.append(chunk) }
        }
      }
      try? handle.close()
      lock.withLock { openStreams -= 1 }
    }
    thread.start()
  }

  private func feed(_ handle: FileHandle, _ data: Data) {
    let thread = Thread {
      let fd = handle.fileDescriptor
      data.withUnsafeBytes { bytes in
        var offset = 0
        while offset < bytes.count {
          let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
          if n < 0 {
            if errno == EINTR { continue }
            break  // EPIPE: the child stopped reading
          }
          offset += n
        }
      }
      try? handle.close()
    }
    thread.start()
  }
}
