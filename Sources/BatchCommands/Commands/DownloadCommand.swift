import BatchCore
import Foundation

/// `download ID [--output PATH] [--errors] [--force]`: saves a job's output or error file.
public enum DownloadCommand {
  static let id = ParamDescriptor.positional("id", .jobID, summary: "The job whose file to save.")
  static let output = ParamDescriptor.option(
    "output", .path, short: "o",
    summary: "Where to save: a file, or a directory to save under the default name (ID.jsonl or ID.errors.jsonl).")
  static let errors = ParamDescriptor.flag("errors", summary: "Save the job's error file instead of its output.")
  static let force = ParamDescriptor.flag("force", short: "f", summary: "Replace an existing file.")

  public static let descriptor = CommandDescriptor(
    name: "download",
    summary: "Save a job's output or error file.",
    discussion: [
      "The output file exists once a job is COMPLETED; an error file may exist for a finished job, completed or "
        + "not. Without --output the file is saved in the current directory as ID.jsonl (ID.errors.jsonl with "
        + "--errors).",
      "The content goes to a temporary file beside the target and is renamed into place when complete, so an "
        + "interrupted download leaves nothing behind. An existing file is never replaced without --force.",
    ],
    params: [id, output, errors, force],
    examples: [
      CommandExample("download batch-8f2c1e", "Save the output as ./batch-8f2c1e.jsonl."),
      CommandExample("download batch-8f2c1e --errors -o /tmp/", "Save the error file in /tmp."),
    ],
    result: .download,
    handler: run
  )

  @Sendable static func run(_ arguments: ParsedArguments, _ context: CommandContext) async throws -> CommandOutput {
    let jobID = arguments.string(id.name) ?? ""
    let wantErrors = arguments.flag(errors.name)
    let job = try await context.api.get(jobID)
    context.jobIDs.insert([job])
    let fileID = try fileID(of: job, errors: wantErrors)
    let destination = destination(
      jobID: jobID, errors: wantErrors, output: arguments.string(output.name), directory: context.currentDirectory)
    let throttle = ProgressThrottle(step: 1 << 20)
    let events = context.events
    let result = try await context.api.download(
      DownloadRequest(fileID: fileID, destination: destination, overwrite: arguments.flag(force.name)),
      progress: { progress in
        if throttle.shouldReport(progress) { events.send(.downloadProgress(path: destination, progress: progress)) }
      })
    return .download(result)
  }

  // MARK: - Rules

  /// The id of the file to download, or `BatchError.invalidState` saying why the job has none yet.
  public static func fileID(of job: BatchJob, errors: Bool) throws(BatchError) -> String {
    let state = job.status?.rawValue ?? "in an unknown state"
    if errors {
      guard job.isTerminal else {
        throw .invalidState(id: job.id, status: job.status,
          message: "job '\(job.id)' is \(state); its error file can be downloaded once it has finished "
            + "(wait for it with: watch \(job.id))")
      }
      guard let file = job.errorFileID, !file.isEmpty else {
        throw .invalidState(id: job.id, status: job.status, message: "job '\(job.id)' has no error file")
      }
      return file
    }
    guard job.status == .completed else {
      var hint = ""
      if !job.isTerminal {
        hint = " (wait for it with: watch \(job.id))"
      } else if (try? fileID(of: job, errors: true)) != nil {
        hint = " (it has an error file: download \(job.id) --errors)"
      }
      throw .invalidState(id: job.id, status: job.status,
        message: "job '\(job.id)' is \(state); its output can be downloaded once it is COMPLETED\(hint)")
    }
    guard let file = job.outputFileID, !file.isEmpty else {
      throw .invalidState(
        id: job.id, status: job.status, message: "job '\(job.id)' is COMPLETED but has no output file")
    }
    return file
  }

  /// The absolute path to save to: `--output` as a file, or as a directory for the default name.
  public static func destination(jobID: String, errors: Bool, output: String?, directory: String) -> String {
    let name = errors ? "\(jobID).errors.jsonl" : "\(jobID).jsonl"
    guard let output else { return join(directory, name) }
    var path = output
    if path == "~" || path.hasPrefix("~/") {
      path = FileManager.default.homeDirectoryForCurrentUser.path + path.dropFirst()
    }
    if !path.hasPrefix("/") { path = join(directory, path) }
    var isDirectory: ObjCBool = false
    let namesDirectory = ["/", "/.", "/.."].contains { output.hasSuffix($0) } || output == "." || output == ".."
    if namesDirectory || (FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      && isDirectory.boolValue)
    {
      return join(path, name)
    }
    return path
  }

  private static func join(_ directory: String, _ name: String) -> String {
    var base = directory
    while base.count > 1, base.hasSuffix("/") { base.removeLast() }
    if name == "." { return base }
    let rest = name.hasPrefix("./") ? String(name.dropFirst(2)) : name
    return base == "/" ? "/" + rest : base + "/" + rest
  }
}
