import Foundation

/// What a finished process left: its exit status (128 + N when killed by signal N) and everything it wrote.
struct ProcessResult: Sendable, CustomStringConvertible {
  var status: Int32
  var stdout: Data
  var stderr: Data
  /// Whether the process outlived its deadline and was killed.
  var timedOut: Bool

  var out: String { String(decoding: stdout, as: UTF8.self) }
  var err: String { String(decoding: stderr, as: UTF8.self) }

  /// The non-empty lines of stdout.
  var outLines: [String] { out.split(separator: "\n").map(String.init) }

  /// Everything, shortened, for test failure messages.
  var description: String {
    func cut(_ text: String) -> String { text.count > 3000 ? String(text.prefix(3000)) + "…" : text }
    return "exit \(status)\(timedOut ? " (TIMED OUT)" : "")\n--- stdout\n\(cut(out))\n--- stderr\n\(cut(err))"
  }
}
