import Foundation
import Testing

@testable import BatchCore

/// The lifecycle rules of `BatchStatus`.
@Suite struct BatchStatusTests {
  @Test("exactly COMPLETED, FAILED, EXPIRED and CANCELLED are terminal")
  func terminalSet() {
    let terminal = BatchStatus.known.filter(\.isTerminal).map(\.rawValue)
    #expect(terminal == ["COMPLETED", "FAILED", "EXPIRED", "CANCELLED"])
    for active in ["VALIDATING", "IN_PROGRESS", "CANCELING", "CANCELLING", "QUEUED", ""] {
      #expect(!BatchStatus(rawValue: active).isTerminal, "\(active)")
      #expect(BatchStatus(rawValue: active).isActive, "\(active)")
    }
    #expect(!BatchStatus(rawValue: "completed").isTerminal, "wire statuses are case-sensitive")
  }

  @Test("CANCELING and CANCELLING are one transient state")
  func cancellingSpellings() {
    #expect(BatchStatus.canceling.matches(.cancelling))
    #expect(BatchStatus.cancelling.matches(.canceling))
    #expect(!BatchStatus.canceling.matches(.cancelled))
    #expect(BatchStatus.cancelling.isKnown && BatchStatus.canceling.isKnown)
    #expect(BatchStatus.cancelling.isCancellation && BatchStatus.cancelled.isCancellation)
    #expect(!BatchStatus.failed.isCancellation)
  }

  @Test("unsuccessful ends are FAILED, EXPIRED and CANCELLED")
  func unsuccessfulEnds() {
    #expect(BatchStatus.known.filter(\.isUnsuccessfulEnd) == [.failed, .expired, .cancelled])
  }

  @Test(
    "user-typed names parse case-insensitively with - for _",
    arguments: [
      ("in-progress", "IN_PROGRESS"), (" completed ", "COMPLETED"), ("Canceling", "CANCELING"), ("weird", "WEIRD"),
    ])
  func parse(text: String, raw: String) {
    #expect(BatchStatus.parse(text)?.rawValue == raw)
  }

  @Test("an empty name parses to nil")
  func parseEmpty() {
    #expect(BatchStatus.parse("") == nil)
    #expect(BatchStatus.parse("   ") == nil)
  }

  @Test("a status encodes as its raw string")
  func encode() throws {
    let data = try JSONEncoder().encode([BatchStatus(rawValue: "NEW_STATE"), .inProgress])
    #expect(String(decoding: data, as: UTF8.self) == #"["NEW_STATE","IN_PROGRESS"]"#)
    #expect(BatchStatus(rawValue: "NEW_STATE").description == "NEW_STATE")
  }
}
