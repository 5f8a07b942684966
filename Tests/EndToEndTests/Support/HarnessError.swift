/// A failure of the test harness itself (a tool that would not start, a surprising answer), not of `batchsh`.
struct HarnessError: Error, CustomStringConvertible {
  let description: String

  init(_ description: String) {
    self.description = description
  }
}
