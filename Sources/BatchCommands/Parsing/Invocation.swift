/// A command with its parsed arguments, ready to run.
public struct Invocation: Sendable {
  public var command: CommandDescriptor
  public var arguments: ParsedArguments

  public init(command: CommandDescriptor, arguments: ParsedArguments) {
    self.command = command
    self.arguments = arguments
  }

  /// The command's name (not the alias it was called by).
  public var name: String { command.name }
}
