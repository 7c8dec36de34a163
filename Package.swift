// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "tenboard",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "tenboard", targets: ["tenboard"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        // Typed file descriptors, errno and stat for the one POSIX boundary (Sources/TenBoardCore/POSIX);
        // already built as swift-subprocess's own dependency.
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
    ],
    targets: [
        // The only C in the project: ncursesw with a shim for macros and globals Swift cannot see.
        .systemLibrary(
            name: "CNCursesW",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // Model, store, morning clock, report and mail. No terminal.
        .target(
            name: "TenBoardCore",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        // Screen grid, themes, views and input: pure, except the one file that imports CNCursesW.
        .target(
            name: "TenBoardTerminal",
            dependencies: ["TenBoardCore", "CNCursesW"]
        ),
        .executableTarget(
            name: "tenboard",
            dependencies: [
                "TenBoardCore",
                "TenBoardTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        // What every test target shares, written once (as swift-argument-parser's
        // ArgumentParserTestHelpers): instants as people write them, scratch directories, the
        // one process runner, the seeded generator, the built binary and the tmux session.
        // A library of the test targets only; no product ships it.
        .target(
            name: "TenBoardTestSupport",
            dependencies: ["TenBoardCore"],
            path: "Tests/TenBoardTestSupport"
        ),
        .testTarget(name: "TenBoardCoreTests", dependencies: ["TenBoardCore", "TenBoardTestSupport"]),
        .testTarget(name: "TenBoardTerminalTests", dependencies: ["TenBoardTerminal", "TenBoardCore", "TenBoardTestSupport"]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["TenBoardCore", "TenBoardTestSupport", "tenboard"],
            // The SMTP sink is Python, run by the mail tests; not a Swift source.
            exclude: ["Support/smtp_sink.py"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
