// swift-tools-version: 6.1
import Foundation
import PackageDescription

// The root package is a path dependency, whose identity is its directory's name (lowercased), so it is
// worked out here rather than assumed: the repository may be cloned into a folder of any name.
let root = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent()
let rootIdentity = root.lastPathComponent.lowercased()

let package = Package(
    name: "AgentLeagueBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "LeagueBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "LeagueProtocol", package: rootIdentity),
                .product(name: "LeagueBench", package: rootIdentity),
            ],
            path: "LeagueBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    ],
    swiftLanguageModes: [.v6]
)
