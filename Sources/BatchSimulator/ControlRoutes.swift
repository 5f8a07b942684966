import Foundation
import Hummingbird
import NIOCore

/// The `/_sim/` control routes (no auth, never faulted, not counted); see ``SimulatorServer`` for the list.
struct ControlRoutes: Sendable {
  let store: JobStore

  /// Answers a control request; `parts` are the path components after `_sim`.
  func respond(method: HTTPRequest.Method, parts: [Substring], body: ByteBuffer) -> SimResponse {
    switch (method, parts.first ?? "", parts.count) {
    case (.get, "", _): return .text(SimulatorServer.controlHelp)
    case (.get, "stats", 1): return stats()
    case (.delete, "stats", 1):
      store.resetCounters()
      return stats()
    case (.get, "faults", 1): return faults()
    case (.post, "faults", 1): return addFaults(body)
    case (.delete, "faults", 1):
      store.clearFaults()
      return faults()
    case (.post, "jobs", 1): return addJob(body)
    case (.post, "jobs", 3) where parts[2] == "status": return force(String(parts[1]), body)
    case (.get, "clock", 1): return clock()
    case (.post, "clock", 1): return setClock(body)
    default:
      return .error(.notFound, "no control route \(method) /_sim/\(parts.joined(separator: "/"))", shape: .string)
    }
  }

  // MARK: - Routes

  private func stats() -> SimResponse {
    var buffer = ByteBufferAllocator().buffer(capacity: 512)
    buffer.writeStaticString("{\"total\":")
    buffer.writeDecimal(store.totalRequests)
    buffer.writeStaticString(",\"jobs\":")
    buffer.writeDecimal(store.count)
    buffer.writeStaticString(",\"requests\":{")
    for (index, entry) in store.requestCounts.sorted(by: { $0.key < $1.key }).enumerated() {
      if index > 0 { buffer.writeStaticString(",") }
      buffer.writeJSONString(entry.key)
      buffer.writeStaticString(":")
      buffer.writeDecimal(entry.value)
    }
    buffer.writeStaticString("}}")
    return .json(buffer)
  }

  private func faults() -> SimResponse {
    var buffer = ByteBufferAllocator().buffer(capacity: 256)
    buffer.writeStaticString("[")
    for (index, rule) in store.faults.enumerated() {
      if index > 0 { buffer.writeStaticString(",") }
      rule.write(into: &buffer)
    }
    buffer.writeStaticString("]")
    return .json(buffer)
  }

  private func addFaults(_ body: ByteBuffer) -> SimResponse {
    let data = Data(body.readableBytesView)
    do {
      let decoder = JSONDecoder()
      let rules: [FaultRule]
      if let many = try? decoder.decode([FaultRule].self, from: data) {
        rules = many
      } else {
        rules = [try decoder.decode(FaultRule.self, from: data)]
      }
      rules.forEach(store.addFault)
    } catch {
      return .error(.badRequest, "bad fault rule: \(error)", shape: .string)
    }
    var response = faults()
    response.status = .created
    return response
  }

  private func addJob(_ body: ByteBuffer) -> SimResponse {
    let spec: SimJobSpec
    do {
      let data = Data(body.readableBytesView)
      spec = data.isEmpty ? SimJobSpec() : try JSONDecoder().decode(SimJobSpec.self, from: data)
    } catch {
      return .error(.badRequest, "bad job spec: \(error)", shape: .string)
    }
    do {
      let id = try store.addJob(spec)
      var response = BatchRoutes(store: store).get(id)
      response.status = .created
      return response
    } catch {
      return .error(.conflict, "\(error)", shape: .string)
    }
  }

  private struct ForceBody: Decodable { var status: String? }

  private func force(_ id: String, _ body: ByteBuffer) -> SimResponse {
    guard let request = try? JSONDecoder().decode(ForceBody.self, from: Data(body.readableBytesView)) else {
      return .error(.badRequest, "body must be {\"status\": \"TEXT\" or null}", shape: .string)
    }
    guard store.forceStatus(id, to: request.status) else {
      return .error(.notFound, "batch job \(id) not found", shape: .string)
    }
    return BatchRoutes(store: store).get(id)
  }

  private struct ClockBody: Decodable {
    var advance: Double?
    var speed: Double?
  }

  private func clock() -> SimResponse {
    var buffer = ByteBufferAllocator().buffer(capacity: 96)
    let now = store.clock.now
    buffer.writeStaticString("{\"now\":")
    buffer.writeJSONTimestamp(now, fractional: true)
    buffer.writeStaticString(",\"unix\":")
    buffer.writeJSONNumber(now)
    buffer.writeStaticString(",\"speed\":")
    buffer.writeJSONNumber(store.clock.speed)
    buffer.writeStaticString("}")
    return .json(buffer)
  }

  private func setClock(_ body: ByteBuffer) -> SimResponse {
    guard let request = try? JSONDecoder().decode(ClockBody.self, from: Data(body.readableBytesView)) else {
      return .error(.badRequest, "body must be {\"advance\": seconds, \"speed\": factor}", shape: .string)
    }
    if let speed = request.speed { store.clock.setSpeed(speed) }
    if let advance = request.advance { store.clock.advance(by: advance) }
    return clock()
  }
}
