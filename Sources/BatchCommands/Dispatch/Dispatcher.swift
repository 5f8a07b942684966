import BatchCore

/// Parses and runs commands against a context; the one entry point every front end calls.
public struct Dispatcher: Sendable {
  public var context: CommandContext

  public init(context: CommandContext) {
    self.context = context
  }

  // MARK: - Parsing

  /// Parses command-line words for the context's front end.
  public func parse(words: [String]) throws(CommandError) -> Invocation {
    try InvocationParser(table: context.table, frontEnd: context.frontEnd).parse(words)
  }

  /// Parses a JSON-RPC method call.
  public func parse(method: String, params: JSONValue?) throws(CommandError) -> Invocation {
    try JSONParamsParser(table: context.table).parse(method: method, params: params)
  }

  // MARK: - Running

  /// Parses and runs command-line words.
  public func run(words: [String]) async throws -> CommandOutput {
    try await run(try parse(words: words))
  }

  /// Runs a parsed invocation and records the jobs it returned in the job-id cache.
  public func run(_ invocation: Invocation) async throws -> CommandOutput {
    let output = try await invocation.command.handler(invocation.arguments, context)
    context.jobIDs.insert(output.jobs)
    return output
  }

  /// Parses, runs and renders one command line; never throws: failures are in the report.
  public func execute(words: [String]) async -> CommandReport {
    let invocation: Invocation
    do {
      invocation = try parse(words: words)
    } catch {
      let command = error.commandName.flatMap { context.table.command(named: $0) }
      return failure(error, invocation: nil, command: command)
    }
    return await execute(invocation)
  }

  /// Runs and renders a parsed invocation; never throws: failures are in the report.
  public func execute(_ invocation: Invocation) async -> CommandReport {
    do {
      let output = try await run(invocation)
      let rendered = renderer(json: invocation.arguments.json).render(output)
      return CommandReport(invocation: invocation, output: output, error: nil, rendered: rendered,
        exitStatus: ExitStatus(output: output))
    } catch {
      return failure(error, invocation: invocation, command: invocation.command)
    }
  }

  /// A report for an error that happened before a command could run (a line that does not tokenize, say).
  public func report(error: any Error) -> CommandReport {
    failure(error, invocation: nil, command: nil)
  }

  /// The renderer for the context's options, forcing JSON when `--json` was given.
  public func renderer(json: Bool = false) -> OutputRenderer {
    var options = context.output
    if json { options.json = true }
    return OutputRenderer(options: options, now: context.now())
  }

  private func failure(_ error: any Error, invocation: Invocation?, command: CommandDescriptor?) -> CommandReport {
    let text = renderer().render(error: error, command: command)
    return CommandReport(invocation: invocation, output: nil, error: error, rendered: RenderedOutput(stderr: text),
      exitStatus: ExitStatus(error: error))
  }
}

extension CommandError {
  /// The command a usage error is about.
  var commandName: String? {
    if case .usage(_, let command) = self { return command }
    return nil
  }
}
