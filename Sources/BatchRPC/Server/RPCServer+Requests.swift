import BatchCommands

/// Running a parsed command as its own task, with its own event channel, answering when it is done.
extension RPCServer {
  /// Starts a command; a single request writes its own response, a batch member returns it to the batch.
  ///
  /// The task is registered under the request's id so `$/cancelRequest` can cancel it, and as a watch when the
  /// command's result is a watch, so end of input cancels it. Commands other than `watch` wait for a permit of the
  /// limiter before they start. A cancelled request answers `-32800` whatever its handler did.
  func launch(_ invocation: Invocation, id: RequestID?, inBatch: Bool) -> Reply {
    let channel = RequestChannel(id: id, writer: writer, notice: diagnostics)
    let token = registry.token()
    var dispatcher = self.dispatcher
    dispatcher.context.events = channel
    let isWatch = invocation.command.result == .watch
    let task = Task<[UInt8]?, Never> { [dispatcher, registry, limiter, secrets] in
      let outcome: Result<[UInt8], any Error>
      do {
        let output = isWatch
          ? try await dispatcher.run(invocation)
          : try await limiter.withPermit { try await dispatcher.run(invocation) }
        outcome = .success(try ResultEncoder.encode(output))
      } catch {
        outcome = .failure(error)
      }
      var response: [UInt8]?
      if let id {
        if Task.isCancelled {
          response = MessageEncoder.error(.requestCancelled, id: id)
        } else {
          switch outcome {
          case .success(let result): response = MessageEncoder.result(json: result, id: id)
          case .failure(let error): response = MessageEncoder.error(RPCError(error, redacting: secrets), id: id)
          }
        }
      }
      channel.close(with: inBatch ? nil : response)
      registry.finish(token)
      return inBatch ? response : nil
    }
    registry.register(task, token: token, id: id, isWatch: isWatch)
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
