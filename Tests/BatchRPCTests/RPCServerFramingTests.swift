@testable import BatchRPC
import BatchCommands
import Testing

/// Bad input of every kind gets its error and the next line is still read.
@Suite(.timeLimit(.minutes(2))) struct RPCServerFramingTests {
  @Test func aTwoMebibyteLineIsDroppedAndTheNextRequestAnswered() async throws {
    let session = try await RPCSession.start()
    var huge = Array(#"{"jsonrpc":"2.0","id":1,"method":"get","params":{"id":""#.utf8)
    huge += [UInt8](repeating: UInt8(ascii: "a"), count: 2 << 20)
    huge += Array("\"}}\n".utf8)
    await session.send(bytes: huge)
    await session.call(2, "help")
    let tooLong = await session.next()
    #expect(TestJobs.code(tooLong) == -32700)
    #expect(tooLong?["id"] == .null)
    #expect(await session.next()?["id"] == 2)
    await session.finish()
  }

  @Test func aLineOfExactlyTheLimitIsRead() async throws {
    let session = try await RPCSession.start(maxLineLength: 200)
    let prefix = #"{"jsonrpc":"2.0","id":1,"method":"help","params":{"command":"get"}}"#
    let line = prefix + String(repeating: " ", count: 200 - prefix.utf8.count)
    #expect(await session.exchange(line)?["result"] != nil)
    #expect(TestJobs.code(await session.exchange(line + " ")) == -32700)
    await session.finish()
  }

  @Test func invalidUTF8IsAParseError() async throws {
    let session = try await RPCSession.start()
    await session.send(bytes: Array(#"{"jsonrpc":"2.0","id":1,"method":"get","params":{"id":"a"#.utf8) + [0xFF, 0xFE]
      + Array("\"}}\n".utf8))
    await session.send(bytes: [0xC3, 0x28, 0x0A])
    let first = TestJobs.error(await session.next())
    #expect(first.code == -32700 && first.message.contains("UTF-8"))
    #expect(TestJobs.code(await session.next()) == -32700)
    #expect(await session.request(2, "help")?["result"] != nil)
    await session.finish()
  }

  @Test func blankLinesAreIgnored() async throws {
    let session = try await RPCSession.start()
    await session.send("\n   \n\t\r\n")
    #expect(await session.request(1, "help")?["result"] != nil)
    await session.finish()
    #expect(session.inbox.all.count == 1)
  }

  @Test func threeHundredRandomJunkLinesThenAValidRequest() async throws {
    let session = try await RPCSession.start()
    var random = SeededRandom(seed: 0x5EED)
    let fragments = [
      "{", "}", "[", "]", "\"", ":", ",", "null", "true", "1e", "-", "\\u12", "\"jsonrpc\"", "\"2.0\"", "\"id\"",
      "\"method\"", "\"params\"", "\"get\"", "{\"jsonrpc\":\"2.0\"", "0", "9", "\u{0}", "é", " ",
    ]
    var sent = 0
    for _ in 0..<300 {
      var bytes: [UInt8] = []
      for _ in 0..<Int.random(in: 1...20, using: &random) {
        if Int.random(in: 0..<8, using: &random) == 0 {
          bytes.append(UInt8.random(in: 0...255, using: &random))
        } else {
          bytes += Array(fragments.randomElement(using: &random)!.utf8)
        }
      }
      bytes.removeAll { $0 == 0x0A }
      if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { bytes = [UInt8(ascii: "x")] }
      await session.send(bytes: bytes + [0x0A])
      sent += 1
    }
    await session.call(1, "help")
    var answered = 0
    var valid: JSONValue?
    while valid == nil, let line = await session.inbox.next(timeout: 20) {
      let message = RPCSession.parse(line)
      if message?["id"] == 1 { valid = message } else { answered += 1 }
    }
    #expect(valid?["result"] != nil)
    #expect(answered == sent)
    await session.finish()
  }
}

/// A small deterministic generator (SplitMix64) so junk is the same on every run.
struct SeededRandom: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
