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

  static let chunkSize = 256 * 1024

  private let kind: Kind
  private let modelJSON: [UInt8]
  private let createdDigits: [UInt8]
  private var remaining: Int
  private var random: SimRandom
  private var lineNumber = 0
  /// More than the longest line: head and tail take under 700 bytes besides the model id (once, in the head), and a
  /// line that absorbs the remainder has under 600 + fixed + 64 bytes of content.
  private let lineLimit: Int

  init(fileID: String, kind: Kind, size: Int, modelID: String, created: Int) {
    self.kind = kind
    var model = ByteBufferAllocator().buffer(capacity: modelID.utf8.count + 8)
    model.writeJSONString(modelID)
    self.modelJSON = Array(model.readableBytesView)
    self.lineLimit = 4096 + 2 * modelJSON.count
    self.createdDigits = Array(String(created).utf8)
    self.remaining = max(0, size)
    self.random = SimRandom(hashing: fileID, salt: 0x5157_4649_4c45)
  }

  /// The next chunk (about 256 KiB: fewer, larger writes to the connection), or nil at the end.
  mutating func next() -> ByteBuffer? {
    guard remaining > 0 else { return nil }
    // A line's head is written before the check that it fits what remains, so room for a whole line is kept even
    // at the end of the file.
    let capacity = min(remaining, Self.chunkSize) + lineLimit
    var chunk = ByteBufferAllocator().buffer(capacity: capacity)
    withUnsafeTemporaryAllocation(byteCount: 512, alignment: 8) { tailMemory in
      chunk.writeWithUnsafeMutableBytes(minimumWritableBytes: capacity) { memory in
        var out = RawByteWriter(memory)
        var tail = RawByteWriter(tailMemory)
        while remaining > 0, out.count < Self.chunkSize {
          writeLine(into: &out, tail: &tail)
        }
        return out.count
      }
    }
    return chunk
  }

  // MARK: - Private

  /// Writes one line: its head straight into `out`, its tail first into the scratch `tail` (the content's length
  /// depends on both), then the content and the tail.
  private mutating func writeLine(into out: inout RawByteWriter, tail: inout RawByteWriter) {
    lineNumber += 1
    let lineStart = out.count
    tail.rewind(to: 0)
    writeLineParts(head: &out, tail: &tail)
    let fixed = out.count - lineStart + tail.count
    guard remaining >= fixed else {
      out.rewind(to: lineStart)
      out.write(repeating: UInt8(ascii: " "), count: remaining - 1)
      out.write("\n")
      remaining = 0
      return
    }
    let natural = random.int(40...600)
    var length = natural
    if remaining - fixed - natural < fixed + 64 {
      length = remaining - fixed
    }
    writeText(length: length, into: &out)
    out.write(tail.written)
    remaining -= fixed + length
  }

  /// Writes the current line's text before and after its message content.
  private mutating func writeLineParts(head: inout RawByteWriter, tail: inout RawByteWriter) {
    let requestID = random.next() >> 4
    switch kind {
    case .input:
      head.write("{\"custom_id\":\"request-")
      head.writeDecimal(lineNumber)
      head.write("\",\"body\":{\"model\":")
      head.write(modelJSON)
      head.write(",\"messages\":[{\"role\":\"user\",\"content\":\"")
      tail.write("\"}],\"max_tokens\":")
      tail.writeDecimal(random.int(64...1024))
      tail.write("}}\n")
    case .output:
      let prompt = random.int(8...900)
      let completion = random.int(10...600)
      head.write("{\"id\":")
      let idOffset = head.count
      head.writeRequestID(requestID)
      let idLength = head.count - idOffset
      head.write(",\"custom_id\":\"request-")
      head.writeDecimal(lineNumber)
      head.write("\",\"response\":{\"status_code\":200,\"request_id\":")
      head.writeCopy(of: idOffset, count: idLength)
      head.write(",\"body\":{\"id\":")
      head.writeCopy(of: idOffset, count: idLength)
      head.write(",\"object\":\"chat.completion\",\"created\":")
      head.write(createdDigits)
      head.write(",\"model\":")
      head.write(modelJSON)
      head.write(",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"")
      tail.write("\"},\"finish_reason\":\"stop\",\"logprobs\":null}],\"usage\":{\"prompt_tokens\":")
      tail.writeDecimal(prompt)
      tail.write(",\"completion_tokens\":")
      tail.writeDecimal(completion)
      tail.write(",\"total_tokens\":")
      tail.writeDecimal(prompt + completion)
      tail.write("}}},\"error\":null}\n")
    case .error:
      let codes: [StaticString] = ["invalid_request_error", "context_length_exceeded", "server_error"]
      head.write("{\"id\":")
      head.writeRequestID(requestID)
      head.write(",\"custom_id\":\"request-")
      head.writeDecimal(lineNumber)
      head.write("\",\"response\":null,\"error\":{\"code\":\"")
      head.write(codes[random.int(0...2)])
      head.write("\",\"message\":\"")
      tail.write("\"}}\n")
    }
  }

  private mutating func writeText(length: Int, into out: inout RawByteWriter) {
    var offset = random.int(0...(Self.corpus.count - 1))
    var left = length
    Self.corpus.withUnsafeBytes { corpus in
      while left > 0 {
        let take = min(left, corpus.count - offset)
        out.write(UnsafeRawBufferPointer(rebasing: corpus[offset..<(offset + take)]))
        left -= take
        offset = 0
      }
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
