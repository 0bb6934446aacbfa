// swift-tools-version: 6.1
// An Assay extractor plugin: `swift build` turns it into .build/debug/libAcronyms.so, which
// `assay --plugin PATH`, `plugin load PATH` or the plugin folder (~/.assay/plugins) loads.
import PackageDescription

let package = Package(
    name: "Acronyms",
    products: [
        // `.dynamic`: a shared library Assay can load at run time.
        .library(name: "Acronyms", type: .dynamic, targets: ["Acronyms"])
    ],
    dependencies: [
        // The Assay core, as ONE shared library that Assay and every plugin use. Outside the
        // Assay repository, point this at your checkout: .package(path: "/path/to/assay/Sources/AssayCore").
        .package(path: "../../Sources/AssayCore")
    ],
    targets: [
        .target(name: "Acronyms", dependencies: [.product(name: "AssayCore", package: "AssayCore")]),
        .testTarget(
            name: "AcronymsTests",
            dependencies: ["Acronyms", .product(name: "AssayCore", package: "AssayCore")])
    ],
    swiftLanguageModes: [.v6]
)
