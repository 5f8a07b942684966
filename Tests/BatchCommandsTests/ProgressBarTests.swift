import BatchCommands
import BatchCore
import Testing

@Suite struct ProgressBarTests {
  @Test(arguments: [
    (nil, "░░░░░░░░░░    -"), (0, "░░░░░░░░░░   0%"), (29, "██░░░░░░░░  29%"), (70, "███████░░░  70%"),
    (99.9, "█████████░  99%"), (100, "██████████ 100%"), (140, "██████████ 100%"), (-5, "░░░░░░░░░░   0%"),
  ] as [(Double?, String)])
  func drawsCellsAndAFlooredPercentage(progress: Double?, expected: String) {
    #expect(ProgressBar().render(BatchJob(id: "b", progress: progress)) == expected)
  }

  @Test func asciiCellsAndOtherSizes() {
    #expect(ProgressBar(cells: 4, unicode: false).render(BatchJob(id: "b", progress: 50)) == "##..  50%")
  }
}
