import BatchCommands
import BatchCore
import Foundation
import Testing

@Suite struct JobCardRendererTests {
  private func render(_ job: BatchJob, color: Bool = false) -> String {
    var options = OutputOptions.plain
    options.color = color
    return JobCardRenderer(options: options, now: Fixtures.now).render(job).joined(separator: "\n")
  }

  @Test func runningJobShowsTimeLeftAndNoHint() {
    #expect(render(Fixtures.running) == """
      ID           batch-run
      Status       IN_PROGRESS
      Progress     ██████░░░░  60%
      Model        meta-llama/Llama-3.3-70B-Instruct-Turbo
      Endpoint     /v1/chat/completions
      Input file   file-in-1
      Created      2026-03-01 11:55:00 UTC (5m ago)
      Deadline     2026-03-01 15:12:00 UTC (in 3h 12m)
      """)
  }

  @Test func completedJobShowsItsOutputAndTheDownloadHint() {
    #expect(render(Fixtures.completed) == """
      ID           batch-done
      Status       COMPLETED
      Progress     ██████████ 100%
      Model        meta-llama/Llama-3.3-70B-Instruct-Turbo
      Endpoint     /v1/chat/completions
      Input file   file-in-3
      Created      2026-03-01 09:00:00 UTC (3h ago)
      Deadline     2026-03-01 13:00:00 UTC
      Completed    2026-03-01 11:00:00 UTC (1h ago)
      Output file  file-out-3

      Save the output with: download batch-done
      """)
  }

  @Test func failedJobShowsItsErrorAndTheErrorsHint() {
    #expect(render(Fixtures.failed) == """
      ID           batch-fail
      Status       FAILED
      Progress     █░░░░░░░░░  12%
      Model        meta-llama/Llama-3.3-70B-Instruct-Turbo
      Endpoint     /v1/chat/completions
      Input file   file-in-4
      Created      2026-02-27 12:00:00 UTC (2d ago)
      Error file   file-err-4
      Error        input file is not valid JSONL

      Save the errors with: download batch-fail --errors
      """)
  }

  @Test func completedJobWithBothFilesShowsBothHints() {
    var job = Fixtures.completed
    job.errorFileID = "file-err-3"
    #expect(render(job).hasSuffix("""
      Output file  file-out-3
      Error file   file-err-3

      Save the output with: download batch-done
      Save the errors with: download batch-done --errors
      """))
  }

  @Test(arguments: [
    (Fixtures.validating, "VALIDATING", "░░░░░░░░░░   0%", "\u{1B}[33mVALIDATING\u{1B}[0m"),
    (Fixtures.canceling, "CANCELLING", "████░░░░░░  45%", "\u{1B}[35mCANCELLING\u{1B}[0m"),
    (Fixtures.cancelled, "CANCELLED", "███░░░░░░░  30%", "\u{1B}[35mCANCELLED\u{1B}[0m"),
    (Fixtures.expired, "EXPIRED", "████████░░  80%", "\u{1B}[90mEXPIRED\u{1B}[0m"),
    (Fixtures.undated, "PAUSED", "░░░░░░░░░░    -", "PAUSED"),
    (Fixtures.running, "IN_PROGRESS", "██████░░░░  60%", "\u{1B}[33mIN_PROGRESS\u{1B}[0m"),
    (Fixtures.completed, "COMPLETED", "██████████ 100%", "\u{1B}[32mCOMPLETED\u{1B}[0m"),
    (Fixtures.failed, "FAILED", "█░░░░░░░░░  12%", "\u{1B}[31mFAILED\u{1B}[0m"),
  ])
  func everyStatusHasItsLineAndColour(job: BatchJob, plain: String, bar: String, colored: String) {
    let lines = render(job).split(separator: "\n").map(String.init)
    #expect(lines.prefix(3) == ["ID           \(job.id)", "Status       \(plain)", "Progress     \(bar)"])
    #expect(render(job, color: true).split(separator: "\n")[1] == "Status       \(colored)"[...])
    #expect(!render(job).contains("download") || job.isTerminal)
  }

  @Test func jobWithOnlyAnIDShowsDashes() {
    #expect(render(BatchJob(id: "bare")) == """
      ID           bare
      Status       -
      Progress     ░░░░░░░░░░    -
      """)
  }

  @Test func multiLineErrorsAreIndentedAndSanitized() {
    let job = BatchJob(id: "b", status: .failed, error: "line one\r\nline \u{1B}[31mtwo\u{07}")
    #expect(render(job).hasSuffix("""
      Error        line one
                   line two
      """))
  }

  @Test func passedDeadlineAndOtherTimeZones() {
    var options = OutputOptions.plain
    options.zone = .fixed(secondsFromGMT: -5 * 3600 - 1800)
    let job = BatchJob(id: "b", status: .inProgress, jobDeadline: Fixtures.timestamp(90))
    let card = JobCardRenderer(options: options, now: Fixtures.now).render(job)
    #expect(card.last == "Deadline     2026-03-01 06:28:30 -05:30 (passed)")
  }
}
