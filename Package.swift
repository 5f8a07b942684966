// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "batchsh",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "batchsh", targets: ["batchsh"]),
    .executable(name: "batchsh-sim", targets: ["batchsh-sim"]),
    .library(name: "BatchCore", targets: ["BatchCore"]),
    .library(name: "BatchSimulator", targets: ["BatchSimulator"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    // Already in the graph through Hummingbird; named because the simulator uses its types directly.
    .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
  ],
  targets: [
    // MARK: - Libraries
    .target(
      name: "BatchCore",
      dependencies: [
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOFoundationCompat", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    .target(name: "BatchCommands", dependencies: ["BatchCore"]),
    .target(name: "CEditLine", linkerSettings: [.linkedLibrary("edit")]),
    .target(name: "BatchShell", dependencies: ["BatchCore", "BatchCommands", "CEditLine"]),
    .target(name: "BatchRPC", dependencies: ["BatchCore", "BatchCommands"]),
    .target(
      name: "BatchSimulator",
      dependencies: [
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdCore", package: "hummingbird"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),

    // MARK: - Executables
    .executableTarget(
      name: "batchsh",
      dependencies: [
        "BatchCore", "BatchCommands", "BatchShell", "BatchRPC", "BatchSimulator", "CEditLine",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(
      name: "batchsh-sim",
      dependencies: [
        "BatchSimulator",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
      ]
    ),
    .executableTarget(
      name: "batchsh-bench",
      dependencies: [
        "BatchCore", "BatchSimulator",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
      ]
    ),

    // MARK: - Tests
    .testTarget(
      name: "BatchCoreTests",
      dependencies: [
        "BatchCore", "BatchSimulator", .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
      ]),
    .testTarget(
      name: "BatchSimulatorTests",
      dependencies: [
        "BatchSimulator",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
      ]
    ),
    .testTarget(name: "BatchCommandsTests", dependencies: ["BatchCore", "BatchCommands", "BatchSimulator"]),
    .testTarget(
      name: "BatchShellTests",
      dependencies: [
        "BatchShell", "CEditLine", .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
      ]),
    .testTarget(
      name: "BatchRPCTests",
      dependencies: [
        "BatchCore", "BatchCommands", "BatchRPC", "BatchSimulator", .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
      ]),
    .testTarget(name: "EndToEndTests", dependencies: []),
  ]
)
