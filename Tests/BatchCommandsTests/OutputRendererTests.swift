import BatchCommands
import BatchCore
import Testing

@Suite struct OutputRendererTests {
  private func renderer(_ configure: (inout OutputOptions) -> Void = { _ in }) -> OutputRenderer {
    var options = OutputOptions.plain
    configure(&options)
    return OutputRenderer(options: options, now: Fixtures.now)
  }

  @Test func jsonShapesFollowTheSpec() {
    let json = renderer { $0.json = true }
    #expect(json.render(.job(Fixtures.running)).stdout.hasPrefix(#"{"created_at":"#))
    #expect(json.render(.jobs([Fixtures.running, Fixtures.failed])).stdout.hasPrefix(#"[{"created_at""#))
    #expect(json.render(.jobs([])).stdout == "[]\n")
    #expect(json.render(.cancel(jobs: [Fixtures.canceling], failures: [])).stdout.hasPrefix("[{"))
    #expect(json.render(.download(DownloadResult(path: "/x/b.jsonl", bytes: 7, fileID: "f"))).stdout
      == #"{"bytes":7,"file_id":"f","path":"/x/b.jsonl"}"# + "\n")
    #expect(json.render(.help("hi")).stdout == #"{"help":"hi"}"# + "\n")
    #expect(json.render(.watch(WatchResult(summary: WatchSummary(jobs: [], outcome: .allTerminal)))).stdout
      == #"{"change":"final","jobs":[],"outcome":"finished","time":"2026-03-01T12:00:00.000Z"}"# + "\n")
    #expect(json.render(.quit).stdout == "")
  }

  @Test func jsonIsIndentedOnATerminal() {
    let text = renderer { $0.json = true; $0.isTerminal = true }.render(.jobs([BatchJob(id: "a")])).stdout
    #expect(text == "[\n  {\n    \"id\" : \"a\"\n  }\n]\n")
  }

  @Test func downloadAndCancelText() {
    let download = renderer().render(.download(DownloadResult(path: "/x/b.jsonl", bytes: 1_234_567, fileID: "f")))
    #expect(download.stdout == "Saved 1.2 MB to /x/b.jsonl (file f).\n")
    let failure = CancelFailure(id: "nope", error: .notFound(resource: .job, id: "nope", apiMessage: nil))
    let cancel = renderer().render(.cancel(jobs: [Fixtures.canceling, Fixtures.running], failures: [failure]))
    #expect(cancel.stdout == "cancel requested: batch-cing  CANCELLING\ncancel requested: batch-run   IN_PROGRESS\n")
    #expect(cancel.stderr == "error: nope: job 'nope' not found\n")
  }

  @Test func watchEventsAreLinesOrNDJSON() {
    let update = CommandEvent.jobUpdated(Fixtures.running,
      progress: JobProgressInfo(fraction: 0.6, etaSeconds: 754, isEstimate: true))
    #expect(renderer().render(event: update).stdout == "batch-run  IN_PROGRESS  ██████░░░░  60%  ETA 12m  5m ago\n")
    let json = renderer { $0.json = true }.render(event: update, change: .progress).stdout
    #expect(json == #"{"change":"progress","job":"# + JSONText.compact(Fixtures.running)
      + #","time":"2026-03-01T12:00:00.000Z"}"# + "\n")
    #expect(!json.dropLast().contains("\n"))
    let colored = renderer { $0.color = true }.render(event: .jobUpdated(Fixtures.completed, progress: nil)).stdout
    #expect(colored == "batch-done  \u{1B}[32mCOMPLETED\u{1B}[0m    ██████████ 100%  3h ago\n")
  }

  @Test("watch lines and the summary fit a terminal of 80 columns with real ids")
  func watchTextFitsEightyColumns() {
    var job = Fixtures.running
    job.id = "batch-abe758c2-e1c9-608f-a583-6d25d0c1e906"
    let progress = JobProgressInfo(fraction: 0.6, etaSeconds: 754, isEstimate: true)
    func line(width: Int?, color: Bool = false) -> String {
      renderer { $0.width = width; $0.color = color }.render(event: .jobUpdated(job, progress: progress)).stdout
    }
    #expect(line(width: nil) == "\(job.id)  IN_PROGRESS  ██████░░░░  60%  ETA 12m  5m ago\n")
    #expect(line(width: 100) == "\(job.id)  IN_PROGRESS  ██████░░░░  60%  ETA 12m  5m ago\n")
    #expect(line(width: 89) == "\(job.id)  IN_PROGRESS  ██████░░░░  60%  ETA 12m  5m ago\n")
    // Every part stays (SPEC §5): the bar halves, and a line still too wide wraps.
    #expect(line(width: 88) == "\(job.id)  IN_PROGRESS  ███░░  60%  ETA 12m  5m ago\n")
    #expect(line(width: 80) == "\(job.id)  IN_PROGRESS  ███░░  60%  ETA 12m  5m ago\n")
    let colored = line(width: 88, color: true)
    #expect(colored == "\(job.id)  \u{1B}[33mIN_PROGRESS\u{1B}[0m  ███░░  60%  ETA 12m  5m ago\n",
      "colour codes take no columns")

    var done = Fixtures.completed
    done.id = job.id
    done.outputFileID = "file-ce4cb74b-acfe-c6cb-a823-9e783b8b5abc"
    let result = WatchResult(summary: WatchSummary(jobs: [done], outcome: .allTerminal))
    #expect(renderer { $0.width = 200 }.render(.watch(result)).stdout == """
      \(job.id)  COMPLETED
      \(String(repeating: " ", count: 44))output \(done.outputFileID!): download \(job.id)

      """)
    let narrow = renderer { $0.width = 80 }.render(.watch(result)).stdout
    #expect(narrow == """
      \(job.id)  COMPLETED
        output \(done.outputFileID!)
        save with: download \(job.id)

      """)
    #expect(narrow.split(separator: "\n").allSatisfy { TextWidth.of(String($0)) <= 80 })

    let short = BatchJob(id: "batch-run", status: .completed, outputFileID: "file-out-run")
    let kept = WatchResult(summary: WatchSummary(jobs: [short], outcome: .allTerminal))
    #expect(renderer { $0.width = 45 }.render(.watch(kept)).stdout == """
      batch-run  COMPLETED
                 output file-out-run
                 save with: download batch-run

      """, "split under the status when that fits")
  }

  @Test func progressAndNoticesGoToStderr() {
    let progress = CommandEvent.downloadProgress(
      path: "/x", progress: DownloadProgress(bytes: 500_000, total: 2_000_000))
    #expect(renderer { $0.isTerminal = true }.render(event: progress)
      == RenderedOutput(stderr: "downloading… 500.0 kB of 2.0 MB (25%)\n"))
    #expect(renderer().render(event: progress) == RenderedOutput())
    #expect(renderer().render(event: .notice("slow \u{1B}[1mdown")) == RenderedOutput(stderr: "note: slow down\n"))
  }

  @Test func bellRingsOnlyOnATerminal() {
    let result = WatchResult(summary: WatchSummary(jobs: [Fixtures.completed], outcome: .allTerminal), bell: true)
    #expect(renderer { $0.isTerminal = true }.render(.watch(result)).stdout.hasSuffix("\u{7}"))
    #expect(!renderer().render(.watch(result)).stdout.contains("\u{7}"))
  }

  @Test func errorsAreSanitizedAndUsageErrorsShowTheUsage() throws {
    let list = try #require(CommandTable.standard.command(named: "list"))
    let usage = CommandError.usage("unknown flag '--x' for list (valid: --status)", command: "list")
    #expect(renderer().render(error: usage, command: list)
      == "error: unknown flag '--x' for list (valid: --status)\nusage: list [--status S,…] [--active] [--limit N]\n")
    let hostile = BatchError.server(status: 500, apiMessage: "boom\u{1B}]0;pwned\u{07}")
    #expect(renderer().render(error: hostile) == "error: server error (500): boom\n")
  }
}
