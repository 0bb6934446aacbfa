// swift-tools-version: 6.1
// An Assay extractor plugin that builds on the output of two other extractors (`entities` and
// `numbers`) without linking them: it declares them in `requires` and Assay runs them first.
// `swift build` makes .build/debug/libMentionedNumbers.so.
import PackageDescription

let package = Package(
    name: "MentionedNumbers",
    products: [
        .library(name: "MentionedNumbers", type: .dynamic, targets: ["MentionedNumbers"])
    ],
    dependencies: [
        // Outside the Assay repository: .package(path: "/path/to/assay/Sources/AssayCore").
        .package(path: "../../Sources/AssayCore")
    ],
    targets: [
        .target(name: "MentionedNumbers", dependencies: [.product(name: "AssayCore", package: "AssayCore")]),
        .testTarget(
            name: "MentionedNumbersTests",
            dependencies: ["MentionedNumbers", .product(name: "AssayCore", package: "AssayCore")])
    ],
    swiftLanguageModes: [.v6]
)
