import CEditLine
import Foundation
import Testing

@testable import BatchShell

@Suite struct HistoryFileFormatTests {
  static let samples = [
    "get batch-1", "a b\\c\ttab \"q\" 'x'", "héllo ünï 日本", "ctrl\u{1}\u{7F}", "line\nbreak", "\\040 literal",
    "  leading and trailing  ", "#comment", "",
  ]

  // MARK: - Encoding

  @Test func encodesLikeLibedit() {
    #expect(HistoryFileFormat.encode("a b\\c\td") == Array("a\\040b\\134c\\011d".utf8))
    #expect(HistoryFileFormat.encode("x\u{1}\u{7F}\ny") == Array("x\\^A\\^?\\012y".utf8))
    #expect(HistoryFileFormat.encode("é") == Array("é".utf8))
  }

  @Test(arguments: samples)
  func roundTripsThroughOurOwnCodec(entry: String) {
    #expect(HistoryFileFormat.decode(HistoryFileFormat.encode(entry)) == entry)
  }

  @Test func decodesOtherVisForms() {
    #expect(HistoryFileFormat.decode(Array("a\\sb\\nc\\\\d\\M-C\\M-)\\^I".utf8)) == "a b\nc\\dé\t")
    #expect(HistoryFileFormat.decode(Array("trailing\\".utf8)) == "trailing\\")
  }

  // MARK: - Interoperability with libedit (H_LOAD / H_SAVE)

  @Test func libeditLoadsWhatWeWrite() throws {
    let directory = TemporaryDirectory()
    let path = directory.write("ours", HistoryFileFormat.render(Self.samples))
    let history = try #require(cel_history_create(100, 0))
    defer { cel_history_destroy(history) }
    #expect(cel_history_load(history, path) == Int32(Self.samples.count))
    var loaded: [String] = []
    var entry = cel_history_step(history, H_LAST)
    while let current = entry {
      loaded.append(String(cString: current))
      entry = cel_history_step(history, H_PREV)
    }
    #expect(loaded == Self.samples)
  }

  @Test func weReadWhatLibeditWrites() throws {
    _ = cel_setlocale()
    let directory = TemporaryDirectory()
    let history = try #require(cel_history_create(100, 0))
    defer { cel_history_destroy(history) }
    for sample in Self.samples { #expect(cel_history_enter(history, sample) == 0) }
    let path = directory.path + "/theirs"
    #expect(cel_history_save(history, path) == Int32(Self.samples.count))
    #expect(try HistoryFileFormat.parse(directory.read("theirs")) == Self.samples)
  }

  // MARK: - Files

  @Test func parsesHeaderAndEmptyFiles() throws {
    #expect(try HistoryFileFormat.parse([]) == [])
    #expect(try HistoryFileFormat.parse(Array("_HiStOrY_V2_\n".utf8)) == [])
    #expect(try HistoryFileFormat.parse(Array("_HiStOrY_V2_\nget\\040a\nlist".utf8)) == ["get a", "list"])
    #expect(throws: HistoryFileFormat.MissingHeader.self) { try HistoryFileFormat.parse(Array("get a\n".utf8)) }
  }
}
