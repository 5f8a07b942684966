import Foundation

@testable import BatchShell

/// A console whose standard output and standard error both go to one file, so a test reads them in the order a
/// terminal would have shown them.
final class ConsoleCapture {
  let directory = TemporaryDirectory()
  private let descriptor: Int32
  let console: Console

  init() {
    descriptor = open(directory.path + "/console", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    precondition(descriptor >= 0, "cannot open a capture file in \(directory.path)")
    console = Console(output: descriptor, error: descriptor)
  }

  deinit { close(descriptor) }

  /// Everything written so far.
  var text: String { String(decoding: directory.read("console"), as: UTF8.self) }
}
