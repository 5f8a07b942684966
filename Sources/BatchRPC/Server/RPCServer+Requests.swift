import BatchCommands

/// Running a parsed command as its own task, with its own event channel, answering when it is done.
extension RPCServer {
  /// Starts a command; a single request writes its own response, a batch member returns it to the batch.
  ///
  /// The task is registered under the request's id so `$/cancelRequest` can cancel it, and as a watch when the
  /// command's result is a watch, so end of input cancels it. Commands other than `watch` wait for a permit of the
  /// limiter before they start. A cancelled request answers `-32800` whatever its handler did.
  func launch(_ invocation: Invocation, id: RequestID?, inBatch: Bool) -> Reply {
    let isWatch = invocation.command.result == .watch
    let work = RequestWork(
      invocation: invocation, dispatcher: dispatcher, id: id, inBatch: inBatch, isWatch: isWatch,
      channel: RequestChannel(id: id, writer: writer, notice: diagnostics), token: registry.token(),
      registry: registry, limiter: limiter, secrets: secrets)
    let task = Task(executorPreference: executor) { await work.run() }
    registry.register(task, token: work.token, id: id, isWatch: isWatch)
    return .pending(task)
  }

  // MARK: - Discovery

  /// The `rpc.discover` result as JSON text, built from the command table on first use.
  func discoveryDocument() -> [UInt8] {
    discovery.withLock { cached in
      if let cached { return cached }
      let document = JSONWriter.bytes(OpenRPCDocument(table: dispatcher.context.table).jsonValue)
      cached = document
      return document
    }
  }
}

/// One request's work, kept in one heap object so the task's async frames stay small (a server may hold thousands
/// of watches, each suspended for minutes).
final class RequestWork: Sendable {
  let invocation: Invocation
  let dispatcher: Dispatcher
  let id: RequestID?
  let inBatch: Bool
  let isWatch: Bool
  let channel: RequestChannel
  let token: RequestRegistry.Token
  let registry: RequestRegistry
  let limiter: ConcurrencyLimiter
  let secrets: [String]

  init(
    invocation: Invocation, dispatcher: Dispatcher, id: RequestID?, inBatch: Bool, isWatch: Bool,
    channel: RequestChannel, token: RequestRegistry.Token, registry: RequestRegistry, limiter: ConcurrencyLimiter,
    secrets: [String]
  ) {
    var dispatcher = dispatcher
    dispatcher.context.events = channel
    self.invocation = invocation
    self.dispatcher = dispatcher
    self.id = id
    self.inBatch = inBatch
    self.isWatch = isWatch
    self.channel = channel
    self.token = token
    self.registry = registry
    self.limiter = limiter
    self.secrets = secrets
  }

  /// Runs the command and answers; returns the response when the request is a batch member.
  func run() async -> [UInt8]? {
    do {
      if isWatch { return answer(try await dispatcher.run(invocation)) }
      try await limiter.acquire()
      defer { limiter.release() }
      return answer(try await dispatcher.run(invocation))
    } catch {
      return answer(error)
    }
  }

  private func answer(_ output: CommandOutput) -> [UInt8]? {
    do {
      let result = try ResultEncoder.encode(output)
      return answer(id.map { MessageEncoder.result(json: result, id: $0) })
    } catch {
      return answer(error)
    }
  }

  private func answer(_ error: any Error) -> [UInt8]? {
    answer(id.map { MessageEncoder.error(RPCError(error, redacting: secrets), id: $0) })
  }

  /// Queues (or returns, in a batch) the response, `-32800` instead when the request was cancelled.
  private func answer(_ response: [UInt8]?) -> [UInt8]? {
    var response = response
    if let id, Task.isCancelled { response = MessageEncoder.error(.requestCancelled, id: id) }
    channel.close(with: inBatch ? nil : response)
    registry.finish(token)
    return inBatch ? response : nil
  }
}
