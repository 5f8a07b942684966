import BatchSimulator
import Testing

/// 401, 404 and 405 answers come in the error shapes the real API uses for each route family.
@Suite struct ErrorResponseTests {
  @Test(arguments: ["/v1/batches", "/v1/batches/batch-x", "/v1/files/file-x", "/v1/files/file-x/content"])
  func missingOrWrongKeyIs401(path: String) async throws {
    try await SimulatorHarness.with { server in
      for key in [nil, "wrong-key", ""] as [String?] {
        let reply = try await server.get(path, key: key)
        #expect(reply.status == 401, "key \(String(describing: key))")
        if path.hasPrefix("/v1/files") {
          let error = reply.object["error"] as? [String: Any]
          #expect(error?["message"] is String && error?["type"] is String)
        } else {
          #expect(reply.object["error"] is String)
        }
      }
    }
  }

  @Test func lowercaseBearerSchemeIsAccepted() async throws {
    try await SimulatorHarness.with { server in
      let reply = try await RawHTTP.send(
        port: server.port, "GET", "/v1/batches", key: nil, headers: ["Authorization": "bearer sim-key"])
      #expect(reply?.status == 200)
    }
  }

  @Test func anyKeyModeAcceptsAnyNonEmptyBearerKey() async throws {
    try await SimulatorHarness.with(apiKey: nil) { server in
      let any = try await server.get("/v1/batches", key: "whatever")
      #expect(any.status == 200)
      #expect(try await server.get("/v1/batches", key: nil).status == 401)
      #expect(try await server.get("/v1/batches", key: " ").status == 401)
    }
  }

  @Test func unknownBatchIs404WithStringError() async throws {
    try await SimulatorHarness.with { server in
      let reply = try await server.get("/v1/batches/batch-unknown")
      #expect(reply.status == 404)
      #expect((reply.object["error"] as? String)?.contains("batch-unknown") == true)
    }
  }

  @Test(arguments: ["/v1/files/file-unknown", "/v1/files/file-unknown/content"])
  func unknownFileIs404WithErrorObject(path: String) async throws {
    try await SimulatorHarness.with { server in
      let reply = try await server.get(path)
      #expect(reply.status == 404)
      let error = try #require(reply.object["error"] as? [String: Any])
      #expect(Set(error.keys) == ["message", "type", "param", "code"])
      #expect(error["type"] as? String == "invalid_request_error")
    }
  }

  @Test func outputFileIsHiddenUntilTheJobCompletes() async throws {
    try await SimulatorHarness.with { server in
      let id = try server.store.addJob(SimJobSpec(validatingSeconds: 1, runSeconds: 10))
      let output = try #require(server.store.job(id)?.outputFileID)
      #expect(try await server.get("/v1/files/\(output)").status == 404)
      #expect(try await server.get("/v1/files/\(output)/content").status == 404)
      server.store.clock.advance(by: 11)
      #expect(try await server.get("/v1/files/\(output)").status == 200)
    }
  }

  @Test func unknownRouteAndWrongMethodUseTheDetailsShape() async throws {
    try await SimulatorHarness.with { server in
      let unknown = try await server.get("/v1/nothing")
      #expect(unknown.status == 404)
      #expect(unknown.object["code"] as? Int == 404)
      #expect((unknown.object["details"] as? [[String: Any]])?.first?["detail"] is String)

      let wrong = try await server.send("DELETE", "/v1/batches")
      #expect(wrong.status == 405)
      #expect(wrong.header("Allow") == "GET, POST")
      #expect(wrong.object["message"] is String)
    }
  }

  @Test func createValidatesItsBody() async throws {
    try await SimulatorHarness.with { server in
      let cases = ["not json", "{}", #"{"endpoint":"/v1/chat/completions"}"#,
        #"{"endpoint":"/v1/chat/completions","input_file_id":"file-nope"}"#]
      for body in cases {
        let reply = try await server.send("POST", "/v1/batches", body: body)
        #expect(reply.status == 400, "\(body)")
        #expect(reply.object["error"] is String)
      }
    }
  }
}
