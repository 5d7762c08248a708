// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "transit-check",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "transit-check", targets: ["transit-check"]),
        .library(name: "TransitCore", targets: ["TransitCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // The system libyaml (Debian: libyaml-dev), read through its event API.
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        // The domain, pure: no files, no clock, no printing.
        .target(name: "TransitCore"),
        // The only module that sees the YAML library: text in, model and diagnostics out.
        .target(name: "TransitYAML", dependencies: ["TransitCore", "CYAML"]),
        // Pure renderers of reports and diagnostics.
        .target(name: "TransitReports", dependencies: ["TransitCore"]),
        // The only module that touches the file system.
        .target(name: "TransitEngine", dependencies: ["TransitCore", "TransitYAML", "TransitReports"]),
        // The record of every check (SQLite through GRDB, the system libsqlite3), kept apart so that
        // neither the core nor the engine links a database.
        .target(name: "TransitRecord", dependencies: [
            "TransitCore", "TransitReports", "TransitEngine",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // HTTP, kept apart so that the core and its tests build without NIO.
        .target(name: "TransitServer", dependencies: [
            "TransitEngine", "TransitReports", "TransitCore", "TransitYAML",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "transit-check", dependencies: [
            "TransitEngine", "TransitReports", "TransitCore", "TransitServer", "TransitRecord",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "TransitCoreTests", dependencies: ["TransitCore"]),
        .testTarget(name: "TransitYAMLTests", dependencies: ["TransitYAML", "TransitCore"]),
        .testTarget(name: "TransitServerTests", dependencies: [
            "TransitServer", "TransitEngine",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
        .testTarget(name: "TransitRecordTests", dependencies: ["TransitRecord", "TransitEngine", "TransitReports", "TransitCore"]),
        .testTarget(name: "TransitEngineTests", dependencies: ["TransitEngine", "TransitReports", "TransitCore", "TransitYAML"],
                    exclude: ["Golden"]),
    ]
)
