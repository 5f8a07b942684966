import BatchCommands
import Testing

@Suite struct ColorModeTests {
  @Test(arguments: [
    (ColorMode.always, false, [:], true),
    (.always, true, ["NO_COLOR": "1"], true),
    (.never, true, ["CLICOLOR_FORCE": "1"], false),
    (.auto, true, [:], true),
    (.auto, false, [:], false),
    (.auto, true, ["NO_COLOR": "1"], false),
    (.auto, true, ["NO_COLOR": ""], true),
    (.auto, false, ["CLICOLOR_FORCE": "1"], true),
    (.auto, false, ["CLICOLOR_FORCE": "0"], false),
    (.auto, true, ["NO_COLOR": "x", "CLICOLOR_FORCE": "1"], false),
    (.auto, true, ["TERM": "dumb"], false),
  ] as [(ColorMode, Bool, [String: String], Bool)])
  func resolvesAgainstTerminalAndEnvironment(mode: ColorMode, isTerminal: Bool, environment: [String: String],
    expected: Bool)
  {
    #expect(mode.isEnabled(isTerminal: isTerminal, environment: environment) == expected)
  }

  @Test func parsesTheFlagValues() {
    #expect(ColorMode(rawValue: "always") == .always)
    #expect(ColorMode(rawValue: "sometimes") == nil)
    #expect(ColorMode.allCases.map(\.rawValue) == ["auto", "always", "never"])
  }

  @Test func detectsUTF8Locales() {
    #expect(OutputOptions.localeIsUTF8(environment: ["LANG": "en_US.UTF-8"]))
    #expect(OutputOptions.localeIsUTF8(environment: ["LC_ALL": "C.utf8", "LANG": "C"]))
    #expect(!OutputOptions.localeIsUTF8(environment: ["LC_ALL": "C", "LANG": "en_US.UTF-8"]))
    #expect(!OutputOptions.localeIsUTF8(environment: [:]))
  }
}
