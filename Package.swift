// swift-tools-version:6.1
// Debrief: a terminal journal for deliberate professional networking.
//
// Dependencies point one way: debrief → (DebriefApp, DebriefIndex) → (DebriefUI, DebriefCore);
// only DebriefTerminal imports the C curses module, and only the executable links it,
// so every test target runs without a terminal.
import PackageDescription

let package = Package(
    name: "debrief",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "debrief", targets: ["debrief"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        // The default reflection flow and pitfall catalog, embedded so a copied binary works alone.
        .target(
            name: "DebriefPrompts",
            path: "Prompts",
            exclude: ["README.md"],
            sources: ["DefaultCatalog.swift"],
            resources: [
                .embedInCode("reflection.yaml"),
                .embedInCode("pitfalls.yaml"),
                .embedInCode("calendar.yaml"),
                // The three as the catalog loader's state after them (CatalogLoader.compactForm),
                // so a run does not parse them; CompactCatalogTests checks it is current.
                .embedInCode("compact-catalog.bin"),
            ]
        ),
        // The calls Swift's Glibc module lacks: an atomic rename that never replaces, the malloc
        // arena limit of the full-screen session.
        .target(name: "CDebriefFiles"),
        // Pure core: model, catalog, store, detection, review. Foundation, Yams and CDebriefFiles.
        .target(
            name: "DebriefCore",
            dependencies: ["CDebriefFiles", .product(name: "Yams", package: "Yams")],
            // CLDR's Windows-to-IANA zone names, for the TZIDs Outlook and Exchange write.
            resources: [.embedInCode("Calendar/WindowsZones.txt")]
        ),
        // The derived SQLite index over the journal's files (GRDB over Debian's libsqlite3-dev):
        // disposable, rebuilt from the files whenever it is missing, damaged or old.
        .target(
            name: "DebriefIndex",
            dependencies: ["DebriefCore", .product(name: "GRDB", package: "GRDB.swift"),
                           // SQLite's C API, for reading a row's bytes in place (IndexRow).
                           .product(name: "GRDBSQLite", package: "GRDB.swift")]
        ),
        // Terminal-free UI layer: screen buffer, display width, widgets, keys.
        .target(name: "DebriefUI"),
        // Screens as values (state + update + render) and the effects they ask for.
        .target(name: "DebriefApp", dependencies: ["DebriefCore", "DebriefUI"]),
        // The C curses module (ncursesw from libncursesw5-dev).
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // Signal state and handlers, in C so they are defined once in the process (see its header).
        .target(name: "CDebriefSignals"),
        // The one module that talks to curses.
        .target(name: "DebriefTerminal", dependencies: ["CNcursesw", "CDebriefSignals", "DebriefUI"]),
        .executableTarget(
            name: "debrief",
            dependencies: [
                "CDebriefFiles", "DebriefCore", "DebriefIndex", "DebriefApp", "DebriefTerminal", "DebriefPrompts",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What each fuzz target does with one input (the readers and their invariants), shared by
        // the libFuzzer executables in Fuzz/ (through a link) and the tests that replay the corpus.
        .target(name: "DebriefFuzzing", dependencies: ["DebriefCore", "DebriefPrompts"]),
        .testTarget(name: "DebriefCoreTests", dependencies: ["DebriefCore", "DebriefPrompts", "DebriefFuzzing"],
                    exclude: ["Golden", "Corpus", "FuzzCorpus"]),
        .testTarget(name: "DebriefIndexTests", dependencies: ["DebriefIndex", "DebriefCore", "DebriefPrompts",
                                                              .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "DebriefUITests", dependencies: ["DebriefUI"]),
        .testTarget(name: "DebriefAppTests", dependencies: ["DebriefApp", "DebriefCore", "DebriefPrompts", "DebriefUI"],
                    exclude: ["Golden"]),
        // Runs the built `debrief` binary as a subprocess and inside tmux.
        .testTarget(name: "DebriefCLITests", dependencies: ["DebriefCore"], exclude: ["CalendarOracle", "JrnlCorpus"]),
    ],
    swiftLanguageModes: [.v6]
)
