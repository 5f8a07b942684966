import AsyncHTTPClient
import NIOCore
import NIOPosix
import Synchronization

/// One `HTTPClient` per process (per distinct connect timeout), so connections are pooled and reused.
///
/// Clients live as long as the process; they are never shut down, like `HTTPClient.shared`. They have no read
/// timeout: a JSON request times the server's silences itself (`ResponseCollector`), a download's body too
/// (`IdleWatchdog`), so clients with different request timeouts share one pool.
enum HTTPClientCache {
  private static let clients = Mutex<[Int64: HTTPClient]>([:])

  /// The shared client for a connect timeout, created on first use.
  static func client(connectTimeout: Double) -> HTTPClient {
    let key = Int64(connectTimeout * 1000)
    return clients.withLock { clients in
      if let client = clients[key] { return client }
      var configuration = HTTPClient.Configuration()
      configuration.timeout = .init(connect: .milliseconds(key), read: nil)
      configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 64)
      // A failed connect fails the request at once; `RetryPolicy` alone decides on retries. Otherwise the pool keeps
      // reconnecting until the connect timeout, so each attempt on a refused port waits the whole timeout.
      configuration.connectionPool.retryConnectionEstablishment = false
      // Redirects are followed by hand (never with the key to another host), see `BatchClient.download`.
      configuration.redirectConfiguration = .disallow
      configuration.decompression = .disabled
      // No tracing: batchsh bootstraps no tracer, yet with the default (the global no-op one) every request still
      // opened a span and built its attributes. A JSON-RPC `get` took 263 µs of CPU with it, 175 without.
      configuration.tracing.tracer = nil
      let client = HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: configuration)
      clients[key] = client
      return client
    }
  }
}
