/// Batch jobs decoded straight from JSON bytes, by the same rules as `init(from:)`.
///
/// Every `get`, `list` and watch tick decodes jobs; Foundation's `JSONDecoder` took 16 µs a job, most of a list of
/// 10,000 and a tenth of a JSON-RPC `get`'s CPU. The rules are those of `init(from:)`, which stays for `Codable`
/// users: every field optional; a field of an unexpected type, or `null`, is nil (an id so is `""`); unknown members
/// are skipped (checked to be JSON); `file_size_bytes` accepts a fractional number, rounded. Text that is not JSON,
/// or not an object, fails with where and why. A repeated member keeps its first value and a number too large for a
/// `Double` is absent, as with `JSONDecoder`. It is stricter than `JSONDecoder`, which reads a trailing comma, and a
/// malformed number or escape inside a member as an absent field; and more lenient in one case `JSONDecoder`
/// rejects: a lone UTF-16 surrogate escape becomes U+FFFD.
extension BatchJob {
  /// Decodes one job from a whole JSON text.
  public static func decode(json bytes: UnsafeBufferPointer<UInt8>) throws(JSONScanner.Failure) -> BatchJob {
    var scanner = JSONScanner(bytes)
    scanner.skipWhitespace()
    let job = try BatchJob(scanning: &scanner)
    try scanner.expectEnd()
    return job
  }

  /// Decodes a list of jobs: a JSON array of job objects, or an object whose `data` member is one (an OpenAI-style
  /// page; its other members are ignored).
  public static func decodeList(json bytes: UnsafeBufferPointer<UInt8>) throws(JSONScanner.Failure) -> [BatchJob] {
    var scanner = JSONScanner(bytes)
    scanner.skipWhitespace()
    var jobs: [BatchJob]?
    let start = scanner.index
    switch scanner.peek() {
    case UInt8(ascii: "["):
      jobs = try scanner.jobArray()
    case UInt8(ascii: "{"):
      try scanner.members { key, scanner throws(JSONScanner.Failure) in
        if key == "data" {
          guard scanner.peek() == UInt8(ascii: "[") else { throw scanner.fail("expected an array of jobs in 'data'") }
          jobs = try scanner.jobArray()
        } else {
          try scanner.skipValue()
        }
      }
    default:
      throw scanner.fail("expected an array of jobs")
    }
    guard let jobs else { throw scanner.fail("expected an array of jobs (an object without 'data')", at: start) }
    try scanner.expectEnd()
    return jobs
  }

  /// Reads one job object at the scanner's position.
  init(scanning scanner: inout JSONScanner) throws(JSONScanner.Failure) {
    guard scanner.peek() == UInt8(ascii: "{") else { throw scanner.fail("expected a job object") }
    var job = BatchJob(id: "")
    var seen: UInt32 = 0
    try scanner.rawMembers { name, scanner throws(JSONScanner.Failure) in
      let key = CodingKeys(wireName: name)
      if let key {
        let bit = UInt32(1) << key.ordinal
        // A repeated member keeps its first value, as JSONDecoder does; the later one is only checked.
        guard seen & bit == 0 else { return try scanner.skipValue() }
        seen |= bit
      }
      switch key {
      case .id: job.id = try scanner.stringOrNil() ?? ""
      case .userID: job.userID = try scanner.stringOrNil()
      case .inputFileID: job.inputFileID = try scanner.stringOrNil()
      case .fileSizeBytes:
        switch try scanner.numberOrNil() {
        case .integer(let value)?: job.fileSizeBytes = value
        case .double(let value)?: job.fileSizeBytes = Int64(exactly: value.rounded())
        case nil: job.fileSizeBytes = nil
        }
      case .status: job.status = try scanner.stringOrNil().map(BatchStatus.init(rawValue:))
      case .jobDeadline: job.jobDeadline = try scanner.stringOrNil().map(BatchTimestamp.init(raw:))
      case .createdAt: job.createdAt = try scanner.stringOrNil().map(BatchTimestamp.init(raw:))
      case .endpoint: job.endpoint = try scanner.stringOrNil()
      case .progress: job.progress = try scanner.numberOrNil()?.doubleValue.finiteOrNil
      case .modelID: job.modelID = try scanner.stringOrNil()
      case .outputFileID: job.outputFileID = try scanner.stringOrNil()
      case .errorFileID: job.errorFileID = try scanner.stringOrNil()
      case .error: job.error = try scanner.stringOrNil()
      case .completedAt: job.completedAt = try scanner.stringOrNil().map(BatchTimestamp.init(raw:))
      case nil: try scanner.skipValue()
      }
    }
    self = job
  }
}

extension BatchJob.CodingKeys {
  /// The key for a member name's UTF-8 bytes: its length picks one to three candidates, compared byte by byte. A
  /// `switch` over `String`s would make a `String` of every name and compare it with each case in turn. A test
  /// checks it against `allCases`.
  fileprivate init?(wireName name: UnsafeBufferPointer<UInt8>) {
    func matches(_ word: StaticString) -> Bool {  // the caller has checked that the lengths are equal
      let letters = word.utf8Start
      for index in 0..<name.count where name[index] != letters[index] { return false }
      return true
    }
    let key: Self?
    switch name.count {
    case 2: key = matches("id") ? .id : nil
    case 5: key = matches("error") ? .error : nil
    case 6: key = matches("status") ? .status : nil
    case 7: key = matches("user_id") ? .userID : nil
    case 8:
      key = matches("progress") ? .progress : matches("model_id") ? .modelID : matches("endpoint") ? .endpoint : nil
    case 10: key = matches("created_at") ? .createdAt : nil
    case 12: key = matches("completed_at") ? .completedAt : matches("job_deadline") ? .jobDeadline : nil
    case 13: key = matches("input_file_id") ? .inputFileID : matches("error_file_id") ? .errorFileID : nil
    case 14: key = matches("output_file_id") ? .outputFileID : nil
    case 15: key = matches("file_size_bytes") ? .fileSizeBytes : nil
    default: key = nil
    }
    guard let key else { return nil }
    self = key
  }

  /// The key's position in `allCases`, for a set of keys in one word.
  fileprivate var ordinal: Int {
    switch self {
    case .id: 0
    case .userID: 1
    case .inputFileID: 2
    case .fileSizeBytes: 3
    case .status: 4
    case .jobDeadline: 5
    case .createdAt: 6
    case .endpoint: 7
    case .progress: 8
    case .modelID: 9
    case .outputFileID: 10
    case .errorFileID: 11
    case .error: 12
    case .completedAt: 13
    }
  }
}

extension Double {
  /// The value, or nil when it is infinite or NaN (`1e400` reads as infinity; `JSONDecoder` refuses it).
  fileprivate var finiteOrNil: Double? { isFinite ? self : nil }
}

extension JSONScanner {
  /// A string value, or nil after skipping a value of any other kind.
  fileprivate mutating func stringOrNil() throws(Failure) -> String? {
    guard peek() == UInt8(ascii: "\"") else {
      try skipValue()
      return nil
    }
    return try string()
  }

  /// A number value, or nil after skipping a value of any other kind.
  fileprivate mutating func numberOrNil() throws(Failure) -> Number? {
    guard let byte = peek(), byte == UInt8(ascii: "-") || (48...57).contains(byte) else {
      try skipValue()
      return nil
    }
    return try number()
  }

  /// The elements of an array of job objects.
  fileprivate mutating func jobArray() throws(Failure) -> [BatchJob] {
    var jobs: [BatchJob] = []
    try elements { scanner throws(Failure) in jobs.append(try BatchJob(scanning: &scanner)) }
    return jobs
  }
}
