import BatchCommands
import Testing

@testable import BatchShell

/// Completion from the command table: command names per front end and the words of a choice.
@Suite struct ShellCompletionProviderTests {
  private func candidates(_ line: String, frontEnd: FrontEnd = .repl) -> [String] {
    let provider = ShellCompletionProvider(table: .standard, jobIDs: JobIDCache(ids: ["batch-1"]), frontEnd: frontEnd)
    let context = CompletionContext(textBeforeCursor: line)
    return Completion(context: context, candidates: provider.candidates(for: context)).candidates
  }

  @Test func setIsOfferedInSessionsOnly() {
    #expect(candidates("se") == ["set"])
    #expect(candidates("se", frontEnd: .oneShot) == [])
    #expect(candidates("help s").contains("set"))
  }

  @Test func choicesCompleteToTheirWords() {
    #expect(candidates("set ") == ["output"])
    #expect(candidates("set output ") == ["json", "table"])
    #expect(candidates("set output --json ") == ["json", "table"])
    #expect(candidates("set output json ") == [])
    let completion = Completion(context: CompletionContext(textBeforeCursor: "set output j"),
      candidates: ShellCompletionProvider(table: .standard, jobIDs: JobIDCache())
        .candidates(for: CompletionContext(textBeforeCursor: "set output j")))
    #expect(completion.insertion == "son ")
  }

  @Test func jobIDsCompleteToThePrefixEveryMatchShares() {
    // Ten thousand ids: the first six thousand share "batch-a", the rest "batch-b".
    let ids = (0..<10_000).map { "batch-\($0 < 6_000 ? "a" : "b")-\($0)" }
    let provider = ShellCompletionProvider(table: .standard, jobIDs: JobIDCache(ids: ids), frontEnd: .repl)
    let context = CompletionContext(textBeforeCursor: "get batch-")
    let completion = Completion(context: context, candidates: provider.candidates(for: context))
    #expect(completion.insertion == "")
    #expect(completion.candidates.count == 10_000)
    let one = CompletionContext(textBeforeCursor: "get batch-b-987")
    #expect(Completion(context: one, candidates: provider.candidates(for: one)).insertion == "")
    let tenMatches = CompletionContext(textBeforeCursor: "get batch-b-998")
    #expect(Completion(context: tenMatches, candidates: provider.candidates(for: tenMatches)).candidates.count == 10)
  }

  @Test func otherKindsStillComplete() {
    #expect(candidates("get b") == ["batch-1"])
    #expect(candidates("list --status F") == ["FAILED"])
  }
}
