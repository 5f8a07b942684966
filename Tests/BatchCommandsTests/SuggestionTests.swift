import BatchCommands
import Testing

@Suite struct SuggestionTests {
  @Test(arguments: [
    ("stauts", "status", 1), ("lst", "list", 1), ("list", "list", 0), ("", "abc", 3), ("kitten", "sitting", 3),
    ("ca", "abc", 3),
  ])
  func distanceCountsEditsAndTranspositions(a: String, b: String, expected: Int) {
    #expect(Suggestion.distance(a, b) == expected)
    #expect(Suggestion.distance(b, a) == expected)
  }

  @Test func nearestPicksTheClosestLikelyTypo() {
    let names = ["get", "list", "cancel", "watch", "download", "help", "quit"]
    #expect(Suggestion.nearest(to: "lsit", in: names) == "list")
    #expect(Suggestion.nearest(to: "donwload", in: names) == "download")
    #expect(Suggestion.nearest(to: "CANCLE", in: names) == "cancel")
    #expect(Suggestion.nearest(to: "down", in: names) == "download")
    #expect(Suggestion.nearest(to: "zzzzzz", in: names) == nil)
    #expect(Suggestion.nearest(to: "", in: names) == nil)
  }
}
