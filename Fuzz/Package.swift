// swift-tools-version:6.0
// libFuzzer targets for debrief's readers, in a package of their own: each executable here runs
// libFuzzer's driver (`-sanitize=fuzzer`) and never meets the debrief executable's `@main`. The
// readers are the main package's own sources (symbolic links in Sources/ and Prompts), so
// `-sanitize=fuzzer` instruments them too, and the package needs only Yams (not the
// command-line parser, whose plugins do not link with the sanitizer). Run with `Fuzz/run.sh`
// (not in CI); the corpus it keeps is replayed by `swift test` in the main package
// (Tests/DebriefCoreTests/FuzzCorpusTests.swift).
import PackageDescription

let package = Package(
    name: "DebriefFuzz",
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // The same four targets as in ../Package.swift, through the links.
        .target(
            name: "DebriefPrompts",
            path: "Prompts",
            exclude: ["README.md"],
            sources: ["DefaultCatalog.swift"],
            resources: [.embedInCode("reflection.yaml"), .embedInCode("pitfalls.yaml"), .embedInCode("calendar.yaml")]
        ),
        .target(name: "CDebriefFiles"),
        .target(name: "DebriefCore", dependencies: ["CDebriefFiles", .product(name: "Yams", package: "Yams")],
                resources: [.embedInCode("Calendar/WindowsZones.txt")]),
        .target(name: "DebriefFuzzing", dependencies: ["DebriefCore", "DebriefPrompts"]),
        // Starts libFuzzer's driver from an executable's own main.
        .target(name: "FuzzDriver"),
        // Each hands libFuzzer's inputs to one reader (DebriefFuzzing's FuzzTarget).
        .executableTarget(name: "fuzz-entry", dependencies: ["FuzzDriver", "DebriefFuzzing"]),
        .executableTarget(name: "fuzz-answers", dependencies: ["FuzzDriver", "DebriefFuzzing"]),
        .executableTarget(name: "fuzz-catalog", dependencies: ["FuzzDriver", "DebriefFuzzing"]),
        .executableTarget(name: "fuzz-dates", dependencies: ["FuzzDriver", "DebriefFuzzing"]),
    ],
    swiftLanguageModes: [.v6]
)
