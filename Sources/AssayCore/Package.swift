// swift-tools-version: 6.1
// AssayCore is its own package so that it can be ONE dynamic library shared by the app, the
// built-in plugins and every runtime-loaded plugin. A `.dynamic` product inside the main
// package would still be linked statically into each target that depends on it, and two copies
// of the core in one process silently break `as? any Extractor` casts (see the README).
import PackageDescription

let package = Package(
    name: "AssayCore",
    products: [
        .library(name: "AssayCore", type: .dynamic, targets: ["AssayCore"])
    ],
    targets: [
        // zlib, for reading `.html.gz` pages (Debian: zlib1g-dev).
        .systemLibrary(name: "CZlib", path: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // _FoundationICU (shipped with Foundation) runs user regular expressions with a budget.
        .target(
            name: "AssayCore", dependencies: ["CZlib"], path: ".", exclude: ["Package.swift", "CZlib"],
            linkerSettings: [.linkedLibrary("_FoundationICU")])
    ],
    swiftLanguageModes: [.v6]
)
