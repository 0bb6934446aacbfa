// swift-tools-version: 6.1
import PackageDescription

// AssayCore is a nested package so that it builds as ONE dynamic library that the app, the
// built-in plugins and runtime-loaded plugins all share (see Sources/AssayCore/Package.swift).
let core: Target.Dependency = .product(name: "AssayCore", package: "AssayCore")

// The entity tagger finds a feature's weight row by counting the bits below it in a bucket's
// mask. Baseline x86-64 has no instruction for that (POPCNT came with Nehalem, 2008), and the
// software count cost 92 M of the 4.1 G instructions of a whole extraction of news.jsonl; the
// other targets gain nothing from it (2 M together), so they keep the baseline.
#if arch(x86_64)
    let taggerSettings: [SwiftSetting] = [.unsafeFlags(["-target-cpu", "nehalem"])]
#else
    let taggerSettings: [SwiftSetting] = []
#endif

let package = Package(
    name: "Assay",
    products: [
        .executable(name: "assay", targets: ["assay"])
    ],
    dependencies: [
        .package(path: "Sources/AssayCore"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        .systemLibrary(
            name: "CEditLine", path: "Sources/CEditLine", pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]),
        .target(name: "AssayREPL", dependencies: [core, "CEditLine"], path: "Sources/AssayREPL"),

        // Built-in extractor plugins: each depends on the core only and registers itself
        // through the same public API a runtime plugin uses.
        .target(name: "AssayNumbers", dependencies: [core], path: "Plugins/Numbers"),
        .target(
            name: "AssayEntities", dependencies: [core], path: "Plugins/Entities",
            resources: [.copy("Resources")], swiftSettings: taggerSettings),
        .target(
            name: "AssayQuotes", dependencies: [core], path: "Plugins/Quotes",
            resources: [.copy("Resources")]),
        .target(
            name: "AssaySentiment", dependencies: [core], path: "Plugins/Sentiment",
            resources: [.copy("Resources")]),

        .executableTarget(
            name: "assay",
            dependencies: [
                core, "AssayREPL", "AssayNumbers", "AssayEntities", "AssayQuotes", "AssaySentiment",
                .product(name: "ArgumentParser", package: "swift-argument-parser")
            ],
            path: "Sources/assay"),

        .executableTarget(
            name: "assay-bench",
            dependencies: [core, "AssayNumbers", "AssayEntities", "AssayQuotes", "AssaySentiment"],
            path: "Benchmarks", exclude: ["spark_throughput.py", "HISTORY.md"]),

        // Fuzz targets (scripts/fuzz builds them with libFuzzer; a plain build replays files).
        .target(name: "FuzzSupport", path: "Fuzz/Support"),
        .executableTarget(name: "fuzz-jsonlines", dependencies: [core, "FuzzSupport"], path: "Fuzz/JSONLines"),
        .executableTarget(
            name: "fuzz-commands",
            dependencies: [
                core, "AssayREPL", "AssayNumbers", "AssayEntities", "AssayQuotes", "AssaySentiment", "FuzzSupport"
            ],
            path: "Fuzz/Commands"),
        .executableTarget(
            name: "fuzz-extractors",
            dependencies: [core, "AssayNumbers", "AssayEntities", "AssayQuotes", "AssaySentiment", "FuzzSupport"],
            path: "Fuzz/Extractors"),

        .testTarget(name: "AssayCoreTests", dependencies: [core], path: "Tests/AssayCoreTests"),
        .testTarget(name: "AssayREPLTests", dependencies: [core, "AssayREPL"], path: "Tests/AssayREPLTests"),
        .testTarget(
            name: "AssayNumbersTests", dependencies: [core, "AssayNumbers"], path: "Tests/AssayNumbersTests",
            exclude: ["Fixtures"]),
        .testTarget(
            name: "AssayEntitiesTests", dependencies: [core, "AssayEntities"], path: "Tests/AssayEntitiesTests"),
        .testTarget(
            name: "AssayQuotesTests", dependencies: [core, "AssayQuotes", "AssayEntities"],
            path: "Tests/AssayQuotesTests", resources: [.copy("Fixtures")]),
        .testTarget(
            name: "AssaySentimentTests", dependencies: [core, "AssaySentiment"], path: "Tests/AssaySentimentTests"),
        // Runs the built `assay` binary with scripts on stdin (depends on it so it is built first).
        .testTarget(
            name: "AssayEndToEndTests", dependencies: ["assay", "AssayREPL"], path: "Tests/AssayEndToEndTests",
            resources: [.copy("Fixtures")])
    ],
    swiftLanguageModes: [.v6]
)
