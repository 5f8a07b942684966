/// Everything a line front end needs after running one command line: what to print and the exit status.
public struct CommandReport: Sendable {
  /// The parsed invocation, nil when the words did not parse.
  public var invocation: Invocation?
  /// The command's output, nil when it failed.
  public var output: CommandOutput?
  /// The error the command ended with, if any.
  public var error: (any Error)?
  /// Text for stdout and stderr, already rendered for the context's output options.
  public var rendered: RenderedOutput
  public var exitStatus: ExitStatus

  public init(
    invocation: Invocation?, output: CommandOutput?, error: (any Error)?, rendered: RenderedOutput,
    exitStatus: ExitStatus
  ) {
    self.invocation = invocation
    self.output = output
    self.error = error
    self.rendered = rendered
    self.exitStatus = exitStatus
  }

  /// Whether the session should end (`quit`).
  public var isQuit: Bool { output == .quit }
}
