import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import Synchronization

/// Collects one JSON answer (status, headers, whole body) for the callback API, and fails a request the server has
/// left without a byte for `idleTimeout`.
///
/// The HTTP client has no read timeout, which would arm a timer at the request's end and again at each part of the
/// answer and cancel each: a tenth of a sequential get's instructions. Here one timer runs per request, armed at the
/// start for the whole timeout; when it fires while bytes are still coming it is armed again from the last one, so
/// only an answer longer than the timeout pays a second. A body that keeps coming is never cut, however long it
/// takes, and one that stops is failed `idleTimeout` after its last byte, as a read timeout would.
final class ResponseCollector: HTTPClientResponseDelegate {
  typealias Response = BatchClient.Response

  /// Thrown when the body outgrows the limit.
  struct TooBig: Error {}

  private struct State {
    var status = 0
    var headers = HTTPHeaders()
    var body: ByteBuffer?
    var lastByte: NIODeadline
  }

  private let state: Mutex<State>
  private let limit: Int

  init(limit: Int) {
    self.limit = limit
    self.state = Mutex(State(lastByte: .now()))
  }

  /// Sends `request` through `http` and watches it: it fails with `HTTPClientError.readTimeout` once the server has
  /// sent nothing for `idleTimeout`, counted from the start.
  static func execute(
    _ request: HTTPClient.Request, on http: HTTPClient, limit: Int, idleTimeout: TimeAmount
  ) -> HTTPClient.Task<Response> {
    let collector = ResponseCollector(limit: limit)
    let task = http.execute(request: request, delegate: collector, eventLoop: .indifferent)
    collector.watch(task, from: .now(), idleTimeout: idleTimeout)
    return task
  }

  /// Arms the timer for `idleTimeout` after `start`; when it fires, fails the task if nothing came since, else arms
  /// it again from the last byte.
  private func watch(_ task: HTTPClient.Task<Response>, from start: NIODeadline, idleTimeout: TimeAmount) {
    let timer = task.eventLoop.scheduleTask(deadline: start + idleTimeout) { [self] in
      let lastByte = state.withLock { $0.lastByte }
      if NIODeadline.now() - lastByte >= idleTimeout {
        task.fail(reason: HTTPClientError.readTimeout)
      } else {
        watch(task, from: lastByte, idleTimeout: idleTimeout)
      }
    }
    task.futureResult.whenComplete { _ in timer.cancel() }
  }

  func didReceiveHead(task: HTTPClient.Task<Response>, _ head: HTTPResponseHead) -> EventLoopFuture<Void> {
    state.withLock {
      $0.status = Int(head.status.code)
      $0.headers = head.headers
      $0.lastByte = .now()
    }
    if let length = head.headers.first(name: "content-length").flatMap(Int.init), length > limit {
      return task.eventLoop.makeFailedFuture(TooBig())
    }
    return task.eventLoop.makeSucceededVoidFuture()
  }

  func didReceiveBodyPart(task: HTTPClient.Task<Response>, _ part: ByteBuffer) -> EventLoopFuture<Void> {
    let fits = state.withLock { state -> Bool in
      state.lastByte = .now()
      guard var body = state.body else {
        state.body = part
        return part.readableBytes <= limit
      }
      guard body.readableBytes + part.readableBytes <= limit else { return false }
      state.body = nil  // so that `body` is the buffer's only reference and grows in place
      var part = part
      body.writeBuffer(&part)
      state.body = body
      return true
    }
    return fits ? task.eventLoop.makeSucceededVoidFuture() : task.eventLoop.makeFailedFuture(TooBig())
  }

  func didFinishRequest(task: HTTPClient.Task<Response>) throws -> Response {
    state.withLock { Response(status: $0.status, headers: $0.headers, body: $0.body ?? ByteBuffer()) }
  }
}
