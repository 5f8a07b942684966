import BatchCommands
import BatchCore

/// Generates `man/batchsh.1` (mdoc) from the command table, so the page can never miss a command.
///
/// `batchsh --generate-man-page > man/batchsh.1` (or `scripts/generate-man`) regenerates it; a test fails when the
/// committed page is stale.
public struct ManPage {
  public let info: CommandTableInfo
  /// The page's date; fixed so generation is reproducible.
  public static let date = "November 29, 2026"

  public init(table: CommandTable) {
    info = CommandTableInfo(table: table)
  }

  public func render() -> String {
    var page = Mdoc()
    page.macro("Dd", Self.date)
    page.macro("Dt", "BATCHSH 1")
    page.macro("Os")
    page.section("NAME")
    page.macro("Nm", "batchsh")
    page.macro("Nd", "shell for Together AI batch inference jobs")
    synopsis(&page)
    ManPageText.description(&page)
    options(&page)
    commands(&page)
    ManPageText.rest(&page)
    return page.text
  }

  // MARK: - Sections from the tables

  private func synopsis(_ page: inout Mdoc) {
    page.section("SYNOPSIS")
    page.macro("Nm")
    for option in LaunchOption.allCases where option != .file {
      page.macro("Op", "Fl " + Mdoc.flag(option.flag) + (option.valueName.map { " Ar " + Mdoc.word($0) } ?? ""))
    }
    page.macro("Op", "Fl f Ar FILE")
    page.macro("Op", "Ar command Op Ar argument ...")
  }

  private func options(_ page: inout Mdoc) {
    page.section("OPTIONS")
    page.macro("Bl", "-tag -width Ds")
    for option in LaunchOption.allCases {
      page.macro("It", "Fl " + Mdoc.flag(option.flag) + (option.valueName.map { " Ar " + Mdoc.word($0) } ?? ""))
      page.text(option.summary + (option.defaultValue.map { " Default: \($0)." } ?? ""))
    }
    page.macro("It", "Fl -version , Fl -help")
    page.text("Print the version, or this summary, and exit.")
    page.macro("El")
  }

  private func commands(_ page: inout Mdoc) {
    page.section("COMMANDS")
    page.text("The same commands run in the shell, in scripts, one-shot and as JSON-RPC methods. Every command "
      + "accepts these flags:")
    page.macro("Bl", "-tag -width Ds")
    for param in info.globalFlags { paramItem(param, isRPCParam: false, &page) }
    page.macro("El")
    page.macro("Bl", "-tag -width Ds")
    for command in info.commands {
      var head = "Cm " + Mdoc.word(command.name)
      for param in command.params where param.role.isPositional {
        let name = "Ar " + Mdoc.word(param.valueName ?? param.name.uppercased())
        let item = param.role == .variadic ? name + " ..." : name
        head += param.required ? " " + item : " Op " + item
      }
      for param in command.params where !param.role.isPositional {
        head += " Op Fl " + Mdoc.flag(param.longFlag ?? param.name)
          + (param.role == .option ? " Ar " + Mdoc.word(param.valueName ?? "VALUE") : "")
      }
      page.macro("It", head)
      var summary = command.summary
      if !command.aliases.isEmpty { summary += " Also spelled " + command.aliases.joined(separator: ", ") + "." }
      if !command.frontEnds.contains(.rpc) { summary += " Not a JSON-RPC method." }
      page.text(summary)
      for paragraph in command.discussion { page.macro("Pp"); page.text(paragraph) }
      let options = command.params.filter { !$0.summary.isEmpty }
      if !options.isEmpty {
        page.macro("Bl", "-tag -width Ds")
        for param in options { paramItem(param, isRPCParam: command.frontEnds.contains(.rpc), &page) }
        page.macro("El")
      }
    }
    page.macro("El")
  }

  /// One parameter's entry; `isRPCParam` adds its JSON-RPC name (global flags and non-RPC commands have none).
  private func paramItem(_ param: CommandTableInfo.Param, isRPCParam: Bool, _ page: inout Mdoc) {
    if param.role.isPositional {
      page.macro("It", "Ar " + Mdoc.word(param.valueName ?? param.name.uppercased()))
    } else {
      var head = [param.shortFlag, param.longFlag].compactMap { $0 }.map { "Fl " + Mdoc.flag($0) }
        .joined(separator: " , ")
      if param.role == .option { head += " Ar " + Mdoc.word(param.valueName ?? "VALUE") }
      page.macro("It", head)
    }
    var text = param.summary
    if let choices = param.choices { text += " One of: " + choices.joined(separator: ", ") + "." }
    if isRPCParam { text += " (JSON-RPC param: " + param.name + ")" }
    page.text(text)
  }
}
