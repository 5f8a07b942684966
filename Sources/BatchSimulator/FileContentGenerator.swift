import NIOCore

/// Produces a file's JSONL content deterministically from its id, in chunks, to an exact byte size.
///
/// Lines follow Together's batch formats: input lines `{"custom_id","body"}`, output lines
/// `{"id","custom_id","response":{"status_code":200,"request_id","body":<chat completion>},"error":null}` and error
/// lines `{"id","custom_id","response":null,"error":{"code","message"}}`. The last line absorbs the remainder so
/// the total is exactly `size` bytes; files smaller than one line are padded with spaces.
struct FileContentGenerator: IteratorProtocol {
  /// What a file holds, which decides the shape of its lines.
  enum Kind: Sendable {
    case input, output, error
  }

  static let chunkSize = 64 * 1024

  private let kind: Kind
  private let modelJSON: String
  private let created: Int
  private var remaining: Int
  private var random: SimRandom
  private var lineNumber = 0

  init(fileID: String, kind: Kind, size: Int, modelID: String, created: Int) {
    self.kind = kind
    var model = ByteBufferAllocator().buffer(capacity: modelID.utf8.count + 8)
    model.writeJSONString(modelID)
    self.modelJSON = String(buffer: model)
    self.created = created
    self.remaining = max(0, size)
    self.random = SimRandom(hashing: fileID, salt: 0x5157_4649_4c45)
  }

  /// The next chunk (about 64 KiB), or nil at the end.
  mutating func next() -> ByteBuffer? {
    guard remaining > 0 else { return nil }
    var chunk = ByteBufferAllocator().buffer(capacity: min(remaining, Self.chunkSize + 2048))
    while remaining > 0, chunk.readableBytes < Self.chunkSize {
      writeLine(into: &chunk)
    }
    return chunk
  }

  // MARK: - Private

  private mutating func writeLine(into buffer: inout ByteBuffer) {
    lineNumber += 1
    let (prefix, suffix) = lineParts()
    let fixed = prefix.utf8.count + suffix.utf8.count
    guard remaining >= fixed else {
      buffer.writeRepeatingByte(UInt8(ascii: " "), count: remaining - 1)
      buffer.writeStaticString("\n")
      remaining = 0
      return
    }
    let natural = random.int(40...600)
    var length = natural
    if remaining - fixed - natural < fixed + 64 {
      length = remaining - fixed
    }
    buffer.writeString(prefix)
    writeText(length: length, into: &buffer)
    buffer.writeString(suffix)
    remaining -= fixed + length
  }

  private mutating func lineParts() -> (String, String) {
    let requestID = "req-" + String(random.next() >> 4, radix: 36)
    let customID = "request-\(lineNumber)"
    switch kind {
    case .input:
      return (
        "{\"custom_id\":\"\(customID)\",\"body\":{\"model\":\(modelJSON),\"messages\":[{\"role\":\"user\","
          + "\"content\":\"",
        "\"}],\"max_tokens\":\(random.int(64...1024))}}\n"
      )
    case .output:
      let prompt = random.int(8...900)
      let completion = random.int(10...600)
      return (
        "{\"id\":\"\(requestID)\",\"custom_id\":\"\(customID)\",\"response\":{\"status_code\":200,\"request_id\":"
          + "\"\(requestID)\",\"body\":{\"id\":\"\(requestID)\",\"object\":\"chat.completion\",\"created\":"
          + "\(created),\"model\":\(modelJSON),\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
          + "\"content\":\"",
        "\"},\"finish_reason\":\"stop\",\"logprobs\":null}],\"usage\":{\"prompt_tokens\":\(prompt),"
          + "\"completion_tokens\":\(completion),\"total_tokens\":\(prompt + completion)}}},\"error\":null}\n"
      )
    case .error:
      let code = ["invalid_request_error", "context_length_exceeded", "server_error"][random.int(0...2)]
      return (
        "{\"id\":\"\(requestID)\",\"custom_id\":\"\(customID)\",\"response\":null,\"error\":{\"code\":\"\(code)\","
          + "\"message\":\"",
        "\"}}\n"
      )
    }
  }

  private mutating func writeText(length: Int, into buffer: inout ByteBuffer) {
    let corpus = Self.corpus
    var offset = random.int(0...(corpus.count - 1))
    var left = length
    while left > 0 {
      let take = min(left, corpus.count - offset)
      buffer.writeBytes(corpus[offset..<(offset + take)])
      left -= take
      offset = 0
    }
  }

  /// Plain ASCII text (no quotes or backslashes) that message contents are cut from.
  private static let corpus: [UInt8] = Array(
    ("Batch inference trades latency for throughput: requests wait in a queue and run when capacity is free. "
      + "The quick brown fox jumps over the lazy dog, then reads the output file line by line. "
      + "Each result carries the custom id of its request, so results can be matched in any order. "
      + "Large language models predict one token at a time; a completion ends at a stop sequence or a limit. "
      + "Simulated answers are deterministic: the same file id always yields the same bytes, chunk after chunk. "
      + "Numbers like 42, 3.14159 and 2026 appear, as do commas, colons: semicolons; and (parentheses). ")
      .utf8)
}
