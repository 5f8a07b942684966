import BatchSimulator
import Foundation
import Testing

/// Hand-written JSON escapes strings correctly and formats timestamps and numbers as clients expect.
@Suite struct JSONWritingTests {
  @Test(arguments: [
    "plain", "quote \" and backslash \\", "new\nline\ttab\r\u{08}\u{0C}", "control \u{01}\u{1F}", "ünïcödé ✓ 🚀",
    "",
  ])
  func errorTextsRoundTripThroughJSON(text: String) async throws {
    try await SimulatorHarness.with { server in
      let id = try server.store.addJob(SimJobSpec(createdAgo: 100, outcome: .failed, errorText: text, modelID: text))
      let job = try await server.job(id)
      #expect(job["error"] as? String == text)
      #expect(job["model_id"] as? String == text)
    }
  }

  @Test func timestampsMatchFoundationFormatting() async throws {
    try await SimulatorHarness.with { server in
      let spec = SimJobSpec(createdAgo: 86_400 * 400 + 0.123456, fractionalTimestamps: false)
      let plainID = try server.store.addJob(spec)
      var fractional = spec
      fractional.fractionalTimestamps = true
      let fractionalID = try server.store.addJob(fractional)
      let created = SimulatorHarness.epoch.addingTimeInterval(-(86_400 * 400 + 0.123456))
      let plain = try await server.job(plainID)
      #expect(plain["created_at"] as? String == created.formatted(Date.ISO8601FormatStyle()))
      #expect(plain["job_deadline"] as? String == created.addingTimeInterval(86_400).formatted(.iso8601))
      let withFraction = try await server.job(fractionalID)
      #expect(withFraction["created_at"] as? String == "2025-10-25T07:59:59.876544Z")
    }
  }

  @Test func progressIsANumberWithAtMostTwoDecimals() async throws {
    try await SimulatorHarness.with { server in
      let id = try server.store.addJob(SimJobSpec(validatingSeconds: 0, runSeconds: 3))
      server.store.clock.advance(by: 1)
      let reply = try await server.get("/v1/batches/\(id)")
      #expect(reply.text.hasSuffix(#""progress":33.33}"#))
    }
  }
}
