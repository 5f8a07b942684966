import BatchSimulator
import Foundation
import Testing

@testable import BatchCore

/// `BatchJob.decode(json:)` and `decodeList(json:)`: the same jobs as `Codable` on random bodies, and a clear failure
/// (never a crash) on text that is not a job.
@Suite struct BatchJobJSONTests {
  static func job(_ text: String) throws(JSONScanner.Failure) -> BatchJob {
    let bytes = Array(text.utf8)
    return try bytes.withUnsafeBufferPointer { buffer throws(JSONScanner.Failure) in try BatchJob.decode(json: buffer) }
  }

  static func list(_ text: String) throws(JSONScanner.Failure) -> [BatchJob] {
    let bytes = Array(text.utf8)
    return try bytes.withUnsafeBufferPointer { buffer throws(JSONScanner.Failure) in
      try BatchJob.decodeList(json: buffer)
    }
  }

  @Test("random job objects decode to what Codable decodes")
  func agreesWithCodable() throws {
    var random = SimRandom(seed: 7)
    for _ in 0..<2000 {
      let text = Self.randomJob(using: &random)
      let codable = try JSONDecoder().decode(BatchJob.self, from: Data(text.utf8))
      #expect(try Self.job(text) == codable, "\(text)")
    }
  }

  @Test("random lists and pages decode to what Codable decodes")
  func listsAgreeWithCodable() throws {
    struct Page: Decodable { var data: [BatchJob] }
    var random = SimRandom(seed: 11)
    for _ in 0..<200 {
      let jobs = (0..<random.int(0...8)).map { _ in Self.randomJob(using: &random) }
      let array = "[" + jobs.joined(separator: ",") + "]"
      let expected = try JSONDecoder().decode([BatchJob].self, from: Data(array.utf8))
      #expect(try Self.list(array) == expected)
      let page = #"{"object":"list","data":\#(array),"first_id":null}"#
      #expect(try Self.list(page) == JSONDecoder().decode(Page.self, from: Data(page.utf8)).data)
    }
  }

  @Test(
    "text that is not a job fails with where",
    arguments: [
      "", " ", "[]", "\"job\"", "null", "42", "{", "{\"id\":}", "{\"id\":\"a\",}", "{\"id\" \"a\"}", "{id:1}",
      "{\"id\":\"a\"} x", "{\"id\":\"a\"}{}", "{\"progress\":01}", "{\"progress\":1.}", "{\"progress\":-}",
      "{\"x\":tru}", "{\"x\":[1,]}", "{\"id\":\"a\\q\"}", "{\"id\":\"tab\there\"}", "{\"id\":\"\\u12G4\"}",
      "{\"x\":NaN}", "{\"x\":'a'}",
    ])
  func rejectsWhatIsNotAJob(text: String) {
    // Stricter than JSONDecoder, which reads some of these (a trailing comma; a bad number or escape in a member,
    // taken as absent under `init(from:)`'s `try?`).
    #expect(throws: JSONScanner.Failure.self) { try Self.job(text) }
  }

  @Test(
    "text that is not a list fails",
    arguments: ["", "{}", #"{"data":{}}"#, #"{"data":[1]}"#, "[null]", "[{}", "[{}] x", #""list""#, "[[]]"])
  func rejectsWhatIsNotAList(text: String) {
    #expect(throws: JSONScanner.Failure.self) { try Self.list(text) }
  }

  @Test("failures say where, counted from 1")
  func failuresSayWhere() {
    #expect(throws: JSONScanner.Failure(message: "expected ',' or '}', found 'x' at byte 11")) {
      try Self.job(#"{"id":"ab"x}"#)
    }
    #expect(throws: JSONScanner.Failure(message: "expected a job object at byte 2")) { try Self.list("[1]") }
    #expect(throws: JSONScanner.Failure(message: "expected an array of jobs (an object without 'data') at byte 2")) {
      try Self.list(#" {"object":"list"}"#)
    }
  }

  @Test("every member name of the wire format is read")
  func everyKey() throws {
    for key in BatchJob.CodingKeys.allCases {
      let value = key == .fileSizeBytes || key == .progress ? "7" : #""x""#
      let text = #"{"\#(key.rawValue)":\#(value)}"#
      let job = try Self.job(text)
      #expect(job != BatchJob(id: ""), "\(key.rawValue) was not read")
      #expect(job == (try JSONDecoder().decode(BatchJob.self, from: Data(text.utf8))))
    }
  }

  @Test("a name one letter off a member's, or escaped into one, is matched by its bytes")
  func nearMissNames() throws {
    let text = #"{"statuz":"FAILED","progres":1,"model_ix":"m","endpoinT":"e","errors":"x","i":"y","ids":"z"}"#
    #expect(try Self.job(text) == BatchJob(id: ""))
    #expect(try Self.job(#"{"st\u0061tus":"FAILED","\u0069d":"a"}"#) == BatchJob(id: "a", status: .failed))
  }

  @Test("a repeated member keeps its first value, as JSONDecoder does")
  func repeatedMember() throws {
    let text = #"{"status":"COMPLETED","id":"a","status":"FAILED","progress":1,"progress":"x"}"#
    let job = try Self.job(text)
    #expect(job.status == .completed && job.progress == 1)
    #expect(job == (try JSONDecoder().decode(BatchJob.self, from: Data(text.utf8))))
  }

  @Test("a number too large for a Double is absent, not infinite")
  func hugeNumbers() throws {
    let job = try Self.job(#"{"progress":1e400,"file_size_bytes":1e400}"#)
    #expect(job.progress == nil && job.fileSizeBytes == nil)
    #expect(try Self.job(#"{"file_size_bytes":9223372036854775807}"#).fileSizeBytes == .max)
  }

  @Test("hostile nesting in an unknown member stops at the depth limit instead of overflowing the stack")
  func deepNesting() throws {
    let deep = #"{"x":"# + String(repeating: "[", count: 200_000) + "}"
    #expect(throws: JSONScanner.Failure.self) { try Self.job(deep) }
    let fine = #"{"id":"a","x":"# + String(repeating: "[", count: 60) + String(repeating: "]", count: 60) + "}"
    #expect(try Self.job(fine).id == "a")
  }

  @Test("invalid UTF-8 inside a string is an error; escapes and non-ASCII text decode")
  func strings() throws {
    var bytes = Array(#"{"id":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
    #expect(throws: JSONScanner.Failure.self) {
      try bytes.withUnsafeBufferPointer { buffer throws(JSONScanner.Failure) in try BatchJob.decode(json: buffer) }
    }
    bytes = Array(#"{"id":"b\u00e9\ud83d\ude00\"\\\/","error":"ligne é ✓"}"#.utf8)
    let job = try bytes.withUnsafeBufferPointer { buffer throws(JSONScanner.Failure) in
      try BatchJob.decode(json: buffer)
    }
    #expect(job.id == "bé😀\"\\/")
    #expect(job.error == "ligne é ✓")
  }

  // MARK: - Random bodies

  /// A job object: each field present or not, as its own type or another, with unknown members and odd spacing.
  static func randomJob(using random: inout SimRandom) -> String {
    var members: [String] = []
    let strings = ["id", "user_id", "input_file_id", "status", "endpoint", "model_id", "output_file_id",
      "error_file_id", "error"]
    let timestamps = ["job_deadline", "created_at", "completed_at"]
    let numbers = ["file_size_bytes", "progress"]
    for key in strings where random.chance(0.7) {
      members.append(member(key, random.chance(0.85) ? randomString(using: &random) : randomValue(0, &random), &random))
    }
    for key in timestamps where random.chance(0.6) {
      let value = random.chance(0.85) ? randomTimestamp(using: &random) : randomValue(0, &random)
      members.append(member(key, value, &random))
    }
    for key in numbers where random.chance(0.7) {
      members.append(member(key, random.chance(0.85) ? randomNumber(using: &random) : randomValue(0, &random), &random))
    }
    for index in 0..<random.int(0...3) {
      members.append(member("extra_\(index)", randomValue(0, &random), &random))
    }
    members.shuffle(using: &random)
    return "{" + members.joined(separator: space(&random) + "," + space(&random)) + "}"
  }

  static func member(_ key: String, _ value: String, _ random: inout SimRandom) -> String {
    space(&random) + "\"\(key)\"" + space(&random) + ":" + space(&random) + value
  }

  static func space(_ random: inout SimRandom) -> String {
    ["", "", "", " ", "\n  ", "\t", "\r\n"][random.int(0...6)]
  }

  static func randomString(using random: inout SimRandom) -> String {
    let pieces = ["batch-", "file-", "COMPLETED", "IN_PROGRESS", "é", "✓", "😀", "\\n", "\\\"", "\\\\", "\\/",
      "\\u00e9", "\\ud83d\\ude00", "\\t", " ", "x", "/v1/chat/completions", "meta-llama/Llama-3"]
    return "\"" + (0..<random.int(0...6)).map { _ in pieces[random.int(0...(pieces.count - 1))] }.joined() + "\""
  }

  static func randomTimestamp(using random: inout SimRandom) -> String {
    let fraction = random.chance(0.5) ? ".\(random.int(0...999_999))" : ""
    let zone = ["Z", "+02:00", "", "-05:30"][random.int(0...3)]
    return "\"2026-\(random.int(10...12))-\(random.int(10...28))T\(random.int(10...23)):\(random.int(10...59)):"
      + "\(random.int(10...59))\(fraction)\(zone)\""
  }

  static func randomNumber(using random: inout SimRandom) -> String {
    switch random.int(0...5) {
    case 0: return String(random.int(0...100))
    case 1: return String(random.int(-1_000_000_000...1_000_000_000_000))
    case 2: return String(Double(random.int(0...10_000)) / 100)
    case 3: return "\(random.int(1...9)).\(random.int(0...99))e\(random.int(-3...6))"
    case 4: return "-0"
    default: return "\(random.int(0...3)).5"
    }
  }

  /// Any JSON value, nested a little.
  static func randomValue(_ depth: Int, _ random: inout SimRandom) -> String {
    switch random.int(0...(depth > 2 ? 4 : 6)) {
    case 0: return "null"
    case 1: return random.chance(0.5) ? "true" : "false"
    case 2: return randomNumber(using: &random)
    case 3: return randomString(using: &random)
    case 4: return randomTimestamp(using: &random)
    case 5:
      let elements = (0..<random.int(0...3)).map { _ in randomValue(depth + 1, &random) }
      return "[" + elements.joined(separator: ",") + "]"
    default:
      let members = (0..<random.int(0...3)).map { "\"k\($0)\":" + randomValue(depth + 1, &random) }
      return "{" + members.joined(separator: ",") + "}"
    }
  }
}
