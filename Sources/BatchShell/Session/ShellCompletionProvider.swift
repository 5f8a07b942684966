import BatchCommands
import Foundation

/// Completes command lines from the command table: command names, flags, and values by parameter kind.
///
/// Job ids come from the session's `JobIDCache` (filled by `list`/`get` and a background refresh), so a Tab never
/// waits on the network. Status lists complete after the last comma; paths complete from the file system; a choice
/// completes to its words (`set output <Tab>` offers `json` and `table`).
public struct ShellCompletionProvider: CompletionProvider {
  public let table: CommandTable
  public let jobIDs: JobIDCache
  public let frontEnd: FrontEnd
  /// The directory relative paths are completed in.
  public var currentDirectory: String

  public init(
    table: CommandTable, jobIDs: JobIDCache, frontEnd: FrontEnd = .repl,
    currentDirectory: String = FileManager.default.currentDirectoryPath
  ) {
    self.table = table
    self.jobIDs = jobIDs
    self.frontEnd = frontEnd
    self.currentDirectory = currentDirectory
  }

  public func candidates(for context: CompletionContext) -> [String] {
    let words = context.words
    let current = context.currentWord
    guard let name = words.first else { return table.names(for: frontEnd) }
    guard let command = table.command(named: name, for: frontEnd) else { return [] }

    // A value for the option just before the cursor (`--status <Tab>`, `--output <Tab>`).
    if let previous = words.last, previous.hasPrefix("-"), !previous.contains("="),
      let param = command.param(flag: previous), param.role == .option
    {
      return values(of: param.kind, current: current)
    }
    // `--flag=value` in one word.
    if current.hasPrefix("--"), let equals = current.firstIndex(of: "=") {
      let flag = String(current[..<equals])
      guard let param = command.param(flag: flag), param.role == .option else { return [] }
      let prefix = String(current[...equals])
      return values(of: param.kind, current: String(current[current.index(after: equals)...])).map { prefix + $0 }
    }
    if current.hasPrefix("-") { return table.flagSpellings(of: command) }
    guard let param = positional(of: command, after: Array(words.dropFirst())) else { return [] }
    return values(of: param.kind, current: current)
  }

  // MARK: - Positionals

  /// The positional parameter the next word fills, skipping options and their values.
  func positional(of command: CommandDescriptor, after words: [String]) -> ParamDescriptor? {
    var count = 0
    var skipValue = false
    for word in words {
      if skipValue { skipValue = false; continue }
      if word.hasPrefix("-") && word.count > 1 {
        if !word.contains("="), let param = command.param(flag: word), param.role == .option { skipValue = true }
        continue
      }
      count += 1
    }
    let positionals = command.positionals
    if count < positionals.count { return positionals[count] }
    return positionals.last.flatMap { $0.role == .variadic ? $0 : nil }
  }

  // MARK: - Values

  func values(of kind: ParamKind, current: String) -> [String] {
    switch kind.completion {
    case .jobIDs:
      // Every match, not the first few: the text inserted is the prefix all of them share.
      return jobIDs.ids(withPrefix: current)
    case .statusNames:
      let head = current.lastIndex(of: ",").map { String(current[...$0]) } ?? ""
      return ParamKind.statusNames.map { head + $0 }
    case .commandNames:
      return table.names(for: frontEnd)
    case .filePaths:
      return paths(matching: current)
    case .choices:
      return kind.choices ?? []
    case .none:
      return []
    }
  }

  /// Entries of the directory named by `typed` whose names start with its last component; folders end in `/`.
  func paths(matching typed: String) -> [String] {
    let expanded = typed.hasPrefix("~/") ? NSHomeDirectory() + typed.dropFirst() : typed
    let slash = expanded.lastIndex(of: "/")
    let directoryPart = slash.map { String(expanded[...$0]) } ?? ""
    let namePrefix = slash.map { String(expanded[expanded.index(after: $0)...]) } ?? expanded
    let directory = directoryPart.hasPrefix("/") ? directoryPart : currentDirectory + "/" + directoryPart
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
    // Candidates keep the folder as typed (`~/out/` stays `~/out/`).
    let typedDirectory = typed.lastIndex(of: "/").map { String(typed[...$0]) } ?? ""
    return names.filter { $0.hasPrefix(namePrefix) && (namePrefix.hasPrefix(".") || !$0.hasPrefix(".")) }
      .sorted().prefix(1000).map { name in
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: directory + name, isDirectory: &isDirectory)
        return typedDirectory + name + (isDirectory.boolValue ? "/" : "")
      }
  }
}
