import AsyncHTTPClient
import NIOCore
import NIOPosix
import Foundation
import BatchCore

enum RawProbe {
  static func run(base: String, key: String, ids: [String], count: Int) async throws {
    var config = HTTPClient.Configuration()
    config.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 64)
    let client = HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: config)
    for mode in ["collect", "collect+decode", "collect", "collect+decode"] {
      let start = ContinuousClock.now
      try await withThrowingTaskGroup(of: Void.self) { group in
        for w in 0..<16 {
          group.addTask {
            var i = w
            while i < count {
              var request = HTTPClientRequest(url: base + "/v1/batches/" + ids[i % ids.count])
              request.headers.add(name: "Authorization", value: "Bearer \(key)")
              let response = try await client.execute(request, timeout: .seconds(30))
              let body = try await response.body.collect(upTo: 1 << 20)
              if mode == "collect+decode" { _ = try JSONDecoder().decode(BatchJob.self, from: body) }
              i += 16
            }
          }
        }
        try await group.waitForAll()
      }
      let elapsed = ContinuousClock.now - start
      let s = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
      print("raw16 \(mode) rps=\(Double(count) / s)")
    }
    try await client.shutdown()
  }
}
