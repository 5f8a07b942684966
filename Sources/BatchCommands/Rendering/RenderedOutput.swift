/// Text for the two output streams, each empty or ending in a newline.
public struct RenderedOutput: Sendable, Equatable {
  public var stdout: String
  public var stderr: String

  public init(stdout: String = "", stderr: String = "") {
    self.stdout = stdout
    self.stderr = stderr
  }

  /// Lines joined and ended with a newline; nothing for no lines.
  static func text(_ lines: [String]) -> String {
    lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
  }
}
