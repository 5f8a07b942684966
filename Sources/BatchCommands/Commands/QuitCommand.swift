/// `quit` / `exit`: leaves the REPL or a script.
public enum QuitCommand {
  public static let descriptor = CommandDescriptor(
    name: "quit",
    aliases: ["exit"],
    summary: "Leave the shell.",
    discussion: ["Ctrl-D on an empty line does the same. In a script, the lines after it are not run."],
    examples: [CommandExample("quit", "Leave the shell.")],
    result: .none,
    frontEnds: .sessions,
    handler: { _, _ in .quit }
  )
}
