import BatchCommands

/// Turning lines into work: framing errors, single messages, batches and notifications.
extension RPCServer {
  /// What a message produced: nothing (notifications, responses), a line to write now, or work in flight.
  enum Reply: Sendable {
    case none
    case immediate([UInt8])
    /// Work whose task returns the response line when it is a batch member (single requests write their own).
    case pending(Task<[UInt8]?, Never>)
  }

  // MARK: - Lines

  /// Handles one line read from the input; never throws: bad input gets its error and reading goes on.
  func handle(_ line: LineReader.Line) {
    switch line {
    case .tooLong(let length):
      writer.enqueue(MessageEncoder.error(
        .parseError("line of \(length) bytes is longer than the limit of \(maxLineLength) bytes; it was discarded"),
        id: .null))
    case .line(let bytes):
      guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return }
      let parsed: ParsedLine
      do {
        parsed = try JSONParser.parseLine(bytes)
      } catch {
        writer.enqueue(MessageEncoder.error(.parseError(error.message), id: .null))
        return
      }
      switch parsed {
      case .message(let raw):
        if case .immediate(let response) = handle(RPCMessage(raw), inBatch: false) { writer.enqueue(response) }
      case .batch(let raws):
        handleBatch(raws)
      }
    }
  }

  /// Handles a batch: members run concurrently; their responses are written as one array once all are done.
  private func handleBatch(_ raws: [RawMessage]) {
    guard !raws.isEmpty else {
      writer.enqueue(MessageEncoder.error(.invalidRequest("empty batch"), id: .null))
      return
    }
    let replies = raws.map { handle(RPCMessage($0), inBatch: true) }
    let immediate = replies.compactMap { reply -> [UInt8]? in
      if case .immediate(let line) = reply { return line }
      return nil
    }
    guard replies.contains(where: { if case .pending = $0 { true } else { false } }) else {
      if !immediate.isEmpty { writer.enqueue(MessageEncoder.batch(immediate)) }
      return
    }
    let token = registry.token()
    let collector = Task { [writer, registry] in
      var responses: [[UInt8]] = []
      for reply in replies {
        switch reply {
        case .none: break
        case .immediate(let line): responses.append(line)
        case .pending(let task): if let line = await task.value { responses.append(line) }
        }
      }
      if !responses.isEmpty { writer.enqueue(MessageEncoder.batch(responses)) }
      registry.finish(token)
    }
    registry.register(collector, token: token, id: nil, isWatch: false)
  }

  // MARK: - Messages

  /// Handles one message of a line or a batch.
  func handle(_ message: RPCMessage, inBatch: Bool) -> Reply {
    switch message {
    case .response:
      return .none
    case .invalid(let id, let error):
      return .immediate(MessageEncoder.error(error, id: id))
    case .notification(let method, let params):
      handleNotification(method: method, params: params)
      return .none
    case .request(let id, let method, let params):
      if let method = ProtocolMethod(rawValue: method) {
        return .immediate(handleProtocolRequest(method, id: id, params: params))
      }
      if lifecycle.withLock({ $0.shutdownRequested }) {
        return .immediate(MessageEncoder.error(.shuttingDown, id: id))
      }
      let invocation: Invocation
      do {
        invocation = try dispatcher.parse(method: method, params: params)
      } catch {
        return .immediate(MessageEncoder.error(RPCError(error, redacting: secrets), id: id))
      }
      return launch(invocation, id: id, inBatch: inBatch)
    }
  }

  /// Obeys a notification; a command sent as a notification runs, and its outcome is dropped.
  private func handleNotification(method: String, params: JSONValue?) {
    if let method = ProtocolMethod(rawValue: method) {
      switch method {
      case .exit: requestExit()
      case .shutdown: lifecycle.withLock { $0.shutdownRequested = true }
      case .discover: break
      case .cancelRequest, .cancelled:
        switch method.cancelledID(in: params) {
        case .success(let id): registry.cancel(matching: id)
        case .failure(let error): diagnostics("ignored \(method.rawValue): \(error.message)")
        }
      }
      return
    }
    guard !lifecycle.withLock({ $0.shutdownRequested }),
      let invocation = try? dispatcher.parse(method: method, params: params)
    else { return }
    _ = launch(invocation, id: nil, inBatch: false)
  }

  /// Answers `rpc.discover`, `shutdown`, and `exit` or a cancellation sent with an id.
  private func handleProtocolRequest(_ method: ProtocolMethod, id: RequestID, params: JSONValue?) -> [UInt8] {
    switch method {
    case .discover:
      if lifecycle.withLock({ $0.shutdownRequested }) { return MessageEncoder.error(.shuttingDown, id: id) }
      if let error = ProtocolMethod.checkNoParams(params, method: method.rawValue) {
        return MessageEncoder.error(error, id: id)
      }
      return MessageEncoder.result(json: discoveryDocument(), id: id)
    case .shutdown:
      lifecycle.withLock { $0.shutdownRequested = true }
      return MessageEncoder.result(.null, id: id)
    case .exit:
      requestExit()
      return MessageEncoder.result(.null, id: id)
    case .cancelRequest, .cancelled:
      switch method.cancelledID(in: params) {
      case .success(let target):
        registry.cancel(matching: target)
        return MessageEncoder.result(.null, id: id)
      case .failure(let error):
        return MessageEncoder.error(error, id: id)
      }
    }
  }

  private func requestExit() {
    lifecycle.withLock { state in
      state.exitRequested = true
      state.stopping = true
    }
  }
}
