import BatchCommands
import BatchCore
import Testing

@Suite struct JobTableRendererTests {
  private func render(_ jobs: [BatchJob], _ configure: (inout OutputOptions) -> Void = { _ in }) -> String {
    var options = OutputOptions.plain
    configure(&options)
    return JobTableRenderer(options: options, now: Fixtures.now).render(jobs).joined(separator: "\n")
  }

  @Test func plainTableSnapshot() {
    #expect(render(ListCommand.sortedNewestFirst(Fixtures.all)) == """
      ID            STATUS       PROGRESS         MODEL                                    CREATED  ENDPOINT
      batch-val     VALIDATING   ░░░░░░░░░░   0%  meta-llama/Llama-3.3-70B-Instruct-Turbo  30s ago  /v1/chat/completions
      batch-run     IN_PROGRESS  ██████░░░░  60%  meta-llama/Llama-3.3-70B-Instruct-Turbo  5m ago   /v1/chat/completions
      batch-cing    CANCELLING   ████░░░░░░  45%  meta-llama/Llama-3.3-70B-Instruct-Turbo  20m ago  -
      batch-done    COMPLETED    ██████████ 100%  meta-llama/Llama-3.3-70B-Instruct-Turbo  3h ago   /v1/chat/completions
      batch-fail    FAILED       █░░░░░░░░░  12%  meta-llama/Llama-3.3-70B-Instruct-Turbo  2d ago   /v1/chat/completions
      batch-cxl     CANCELLED    ███░░░░░░░  30%  meta-llama/Llama-3.3-70B-Instruct-Turbo  40d ago  /v1/chat/completions
      batch-exp     EXPIRED      ████████░░  80%  meta-llama/Llama-3.3-70B-Instruct-Turbo  1y ago   -
      batch-nodate  PAUSED       ░░░░░░░░░░    -  -                                        -        -
      """)
  }

  @Test func narrowTerminalCutsEndpointThenModelButNeverTheID() {
    let table = render([Fixtures.running, Fixtures.undated]) { $0.width = 80 }
    #expect(table == """
      ID            STATUS       PROGRESS         MODEL            CREATED  ENDPOINT
      batch-run     IN_PROGRESS  ██████░░░░  60%  meta-llama/Lla…  5m ago   /v1/chat/…
      batch-nodate  PAUSED       ░░░░░░░░░░    -  -                -        -
      """)
    #expect(table.split(separator: "\n").allSatisfy { TextWidth.of(String($0)) <= 80 })
  }

  @Test func veryNarrowTerminalLeavesOutTheEndpoint() {
    let table = render([Fixtures.running, Fixtures.undated]) { $0.width = 70 }
    #expect(table == """
      ID            STATUS       PROGRESS         MODEL              CREATED
      batch-run     IN_PROGRESS  ██████░░░░  60%  meta-llama/Llama…  5m ago
      batch-nodate  PAUSED       ░░░░░░░░░░    -  -                  -
      """)
  }

  @Test("real ids in 80 columns: MODEL goes too, then the bar gets half its cells, then CREATED goes")
  func realIDsFitEightyColumns() {
    var running = Fixtures.running
    running.id = "batch-abe758c2-e1c9-608f-a583-6d25d0c1e906"
    var undated = Fixtures.undated
    undated.id = "batch-8d98bc57-decb-24d3-0d14-0e8915f58a78"
    #expect(render([running, undated]) { $0.width = 90 } == """
      ID                                          STATUS       PROGRESS         CREATED
      batch-abe758c2-e1c9-608f-a583-6d25d0c1e906  IN_PROGRESS  ██████░░░░  60%  5m ago
      batch-8d98bc57-decb-24d3-0d14-0e8915f58a78  PAUSED       ░░░░░░░░░░    -  -
      """)
    let eighty = render([running, undated]) { $0.width = 80 }
    #expect(eighty == """
      ID                                          STATUS       PROGRESS    CREATED
      batch-abe758c2-e1c9-608f-a583-6d25d0c1e906  IN_PROGRESS  ███░░  60%  5m ago
      batch-8d98bc57-decb-24d3-0d14-0e8915f58a78  PAUSED       ░░░░░    -  -
      """)
    #expect(eighty.split(separator: "\n").allSatisfy { TextWidth.of(String($0)) <= 80 })
    #expect(render([running]) { $0.width = 70; $0.unicode = false } == """
      ID                                          STATUS       PROGRESS
      batch-abe758c2-e1c9-608f-a583-6d25d0c1e906  IN_PROGRESS  ###..  60%
      """)
    // Narrower than the id and its status: the last layout, nothing cut.
    #expect(render([running]) { $0.width = 20 }.hasSuffix("\(running.id)  IN_PROGRESS  ███░░  60%"))
  }

  @Test func colourPaintsTheHeaderAndEachStatus() {
    let jobs = [Fixtures.running, Fixtures.completed, Fixtures.failed, Fixtures.cancelled, Fixtures.expired,
      Fixtures.undated].map { job in
        var short = job
        short.modelID = job.modelID.map { _ in "llama" }
        return short
      }
    let e = "\u{1B}["
    #expect(render(jobs) { $0.color = true } == """
      \(e)1mID            STATUS       PROGRESS         MODEL  CREATED  ENDPOINT\(e)0m
      batch-run     \(e)33mIN_PROGRESS\(e)0m  ██████░░░░  60%  llama  5m ago   /v1/chat/completions
      batch-done    \(e)32mCOMPLETED\(e)0m    ██████████ 100%  llama  3h ago   /v1/chat/completions
      batch-fail    \(e)31mFAILED\(e)0m       █░░░░░░░░░  12%  llama  2d ago   /v1/chat/completions
      batch-cxl     \(e)35mCANCELLED\(e)0m    ███░░░░░░░  30%  llama  40d ago  /v1/chat/completions
      batch-exp     \(e)90mEXPIRED\(e)0m      ████████░░  80%  llama  1y ago   -
      batch-nodate  PAUSED       ░░░░░░░░░░    -  -      -        -
      """)
  }

  @Test func asciiBarsWithoutUnicode() {
    #expect(render([Fixtures.running]) { $0.unicode = false }.hasSuffix("IN_PROGRESS  ######....  60%  "
      + "meta-llama/Llama-3.3-70B-Instruct-Turbo  5m ago   /v1/chat/completions"))
  }

  @Test func serverStringsAreSanitized() {
    let hostile = BatchJob(id: "batch-x", status: BatchStatus(rawValue: "\u{1B}[2JOWNED"), createdAt: nil,
      endpoint: "/v1/\u{1B}]8;;http://evil\u{07}click\u{1B}]8;;\u{07}", modelID: "model\nnext\u{202E}line")
    let table = render([hostile])
    #expect(!table.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
    #expect(table.hasSuffix("batch-x  OWNED   ░░░░░░░░░░    -  model nextline  -        /v1/click"))
  }

  @Test func emptyListSaysSo() {
    #expect(render([]) == "No jobs.")
  }

  @Test func unparsableCreationTimeIsShownAsSent() {
    let job = BatchJob(id: "b", createdAt: BatchTimestamp(raw: "yesterday"))
    #expect(render([job]).contains("  yesterday  "))
  }
}
