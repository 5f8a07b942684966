import NIOCore
import NIOPosix

// The executor must be installed on the main thread before any task runs, so the flag is read ahead of parsing.
if CommandLine.arguments.contains("--nio-executor") {
  guard NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor() else {
    fatalError("could not install NIO's event loop as the global executor")
  }
}
do {
  let command = try BenchCommand.parse()
  try await command.measure()
} catch {
  BenchCommand.exit(withError: error)
}
