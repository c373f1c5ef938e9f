// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "AgentLeague",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "league", targets: ["LeagueCLI"]),
        .library(name: "ZeroMQ", targets: ["ZeroMQ"]),
        .library(name: "LeagueProtocol", targets: ["LeagueProtocol"]),
        // For the benchmarks package in Benchmarks/: the runtime and the bench harness with what they use.
        .library(
            name: "LeagueBench",
            targets: [
                "LeagueBench", "LeagueRuntime", "LeagueManager", "LeagueReferee", "LeaguePlayer", "LeagueOperator", "LeagueAgent", "ZeroMQ",
            ]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        // The manager's HTTP API and dashboard; default traits off so swift-configuration is not built.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CZeroMQ",
            providers: [.apt(["libzmq3-dev"])]
        ),
        .target(
            name: "ZeroMQ",
            dependencies: ["CZeroMQ"]
        ),
        .target(
            name: "LeagueProtocol",
            dependencies: []
        ),
        // Pure rules of every game: used by the referee (to run), the player (strategies) and tools.
        .target(
            name: "LeagueGames",
            dependencies: ["LeagueProtocol"]
        ),
        // Pure tournament formats: who plays whom, round by round.
        .target(
            name: "LeagueFormats",
            dependencies: ["LeagueProtocol"]
        ),
        .target(
            name: "LeagueAgent",
            dependencies: ["ZeroMQ", "LeagueProtocol"]
        ),
        .target(
            name: "LeagueLogging",
            dependencies: [.product(name: "Logging", package: "swift-log")]
        ),
        .target(
            name: "LeagueStore",
            dependencies: ["LeagueProtocol", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(
            name: "LeagueManager",
            dependencies: [
                "ZeroMQ", "LeagueProtocol", "LeagueStore", "LeagueFormats",
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "LeagueReferee",
            dependencies: [
                "ZeroMQ", "LeagueProtocol", "LeagueAgent", "LeagueGames",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "LeaguePlayer",
            dependencies: [
                "ZeroMQ", "LeagueProtocol", "LeagueAgent", "LeagueGames",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "LeagueOperator",
            dependencies: [
                "ZeroMQ", "LeagueProtocol", "LeagueAgent",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "LeagueRuntime",
            dependencies: [
                "ZeroMQ", "LeagueProtocol", "LeagueGames", "LeagueManager", "LeagueReferee", "LeaguePlayer", "LeagueOperator", "LeagueAgent", "LeagueStore",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "LeagueBench",
            dependencies: [
                "ZeroMQ", "LeagueProtocol", "LeagueFormats", "LeagueManager", "LeagueReferee", "LeaguePlayer", "LeagueOperator", "LeagueAgent",
                "LeagueRuntime",
                .product(name: "Histogram", package: "hdrhistogram-swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "LeagueHTTP",
            dependencies: [
                "LeagueProtocol", "LeagueOperator",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Dashboard")]
        ),
        .executableTarget(
            name: "LeagueCLI",
            dependencies: [
                "LeagueHTTP", "LeagueRuntime", "LeagueBench", "LeagueLogging", "LeagueStore", "LeagueAgent", "LeagueOperator", "LeagueManager", "LeagueReferee", "LeaguePlayer", "LeagueGames", "LeagueProtocol",
                "ZeroMQ",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "LeagueTestSupport",
            dependencies: ["ZeroMQ", "LeagueProtocol", "LeagueOperator", "LeagueAgent", .product(name: "Logging", package: "swift-log")],
            path: "Tests/LeagueTestSupport"
        ),
        .testTarget(name: "ZeroMQTests", dependencies: ["ZeroMQ", "LeagueTestSupport"]),
        .testTarget(name: "LeagueProtocolTests", dependencies: ["LeagueProtocol"]),
        .testTarget(name: "LeagueGamesTests", dependencies: ["LeagueGames", "LeagueProtocol"]),
        .testTarget(name: "LeagueFormatsTests", dependencies: ["LeagueFormats", "LeagueProtocol"]),
        .testTarget(name: "LeagueLoggingTests", dependencies: ["LeagueLogging", .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "LeagueStoreTests", dependencies: ["LeagueStore", "LeagueProtocol"]),
        .testTarget(name: "LeagueManagerTests", dependencies: ["LeagueManager", "LeagueProtocol", "LeagueStore", "LeagueTestSupport"]),
        .testTarget(
            name: "LeagueRefereeTests",
            dependencies: [
                "LeagueReferee", "LeagueGames", "LeagueAgent", "LeagueProtocol", "LeagueTestSupport", .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "LeaguePlayerTests",
            dependencies: [
                "LeaguePlayer", "LeagueGames", "LeagueAgent", "LeagueProtocol", "LeagueTestSupport", .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "LeagueRuntimeTests",
            dependencies: ["LeagueRuntime", "LeagueOperator", "LeagueProtocol", "LeagueTestSupport", "ZeroMQ"]
        ),
        .testTarget(name: "LeagueBenchTests", dependencies: ["LeagueBench", "LeagueProtocol", "LeagueTestSupport", "ZeroMQ"]),
        .testTarget(name: "LeagueCLITests", dependencies: ["LeagueProtocol", "LeagueOperator", "LeagueTestSupport", "ZeroMQ"]),
        .testTarget(
            name: "LeagueHTTPTests",
            dependencies: [
                "LeagueHTTP", "LeagueProtocol", "LeagueOperator", "LeagueTestSupport", "ZeroMQ",
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            // Python helpers the tests run: the DevTools driver, the Prometheus parser, the OpenAPI checker.
            exclude: ["Tools"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
