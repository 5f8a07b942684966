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
  /// The current line's text before and after its message content (reused from line to line).
  private var head = ByteBufferAllocator().buffer(capacity: 512)
  private var tail = ByteBufferAllocator().buffer(capacity: 256)

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
    writeLineParts()
    let fixed = head.readableBytes + tail.readableBytes
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
    buffer.writeImmutableBuffer(head)
    writeText(length: length, into: &buffer)
    buffer.writeImmutableBuffer(tail)
    remaining -= fixed + length
  }

  /// Writes the current line's text before and after its message content into `head` and `tail`.
  ///
  /// Straight to bytes: building the parts as interpolated strings took over half of the simulator's time when it
  /// served a large file.
  private mutating func writeLineParts() {
    head.clear()
    tail.clear()
    let requestID = random.next() >> 4
    switch kind {
    case .input:
      head.writeStaticString("{\"custom_id\":\"request-")
      head.writeDecimal(lineNumber)
      head.writeStaticString("\",\"body\":{\"model\":")
      head.writeString(modelJSON)
      head.writeStaticString(",\"messages\":[{\"role\":\"user\",\"content\":\"")
      tail.writeStaticString("\"}],\"max_tokens\":")
      tail.writeDecimal(random.int(64...1024))
      tail.writeStaticString("}}\n")
    case .output:
      let prompt = random.int(8...900)
      let completion = random.int(10...600)
      head.writeStaticString("{\"id\":")
      head.writeRequestID(requestID)
      head.writeStaticString(",\"custom_id\":\"request-")
      head.writeDecimal(lineNumber)
      head.writeStaticString("\",\"response\":{\"status_code\":200,\"request_id\":")
      head.writeRequestID(requestID)
      head.writeStaticString(",\"body\":{\"id\":")
      head.writeRequestID(requestID)
      head.writeStaticString(",\"object\":\"chat.completion\",\"created\":")
      head.writeDecimal(created)
      head.writeStaticString(",\"model\":")
      head.writeString(modelJSON)
      head.writeStaticString(",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"")
      tail.writeStaticString("\"},\"finish_reason\":\"stop\",\"logprobs\":null}],\"usage\":{\"prompt_tokens\":")
      tail.writeDecimal(prompt)
      tail.writeStaticString(",\"completion_tokens\":")
      tail.writeDecimal(completion)
      tail.writeStaticString(",\"total_tokens\":")
      tail.writeDecimal(prompt + completion)
      tail.writeStaticString("}}},\"error\":null}\n")
    case .error:
      let code = ["invalid_request_error", "context_length_exceeded", "server_error"][random.int(0...2)]
      head.writeStaticString("{\"id\":")
      head.writeRequestID(requestID)
      head.writeStaticString(",\"custom_id\":\"request-")
      head.writeDecimal(lineNumber)
      head.writeStaticString("\",\"response\":null,\"error\":{\"code\":\"")
      head.writeString(code)
      head.writeStaticString("\",\"message\":\"")
      tail.writeStaticString("\"}}\n")
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

extension ByteBuffer {
  /// Writes `"req-…"`: the request id, in base 36, quoted.
  fileprivate mutating func writeRequestID(_ value: UInt64) {
    writeStaticString("\"req-")
    writeDigits(UInt(value), radix: 36)
    writeStaticString("\"")
  }
}
