import Foundation
import LeagueOperator
import Logging
import ZeroMQ

/// A league of separate processes of the built `league` binary on tcp loopback, with fast heartbeats so
/// failures are noticed within a second, and a state folder of its own.
public final class TestCluster {
    /// Heartbeat interval every process uses (ms); with liveness 3 a silent peer is dead after 0.6 s.
    public static let heartbeatMilliseconds = 200
    public let folder: URL
    public private(set) var endpoint = ""
    public private(set) var manager: AgentProcess?
    public private(set) var agents: [String: AgentProcess] = [:]
    private let context: Context

    public init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("league-cluster-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        context = try Context()
    }

    /// The manager's SQLite file.
    public var database: String { folder.appendingPathComponent("league.sqlite").path }

    /// Starts the manager (on the previous port when restarting) and waits until it listens.
    @discardableResult
    public func startManager(graceMilliseconds: Int = 10_000, extra: [String] = []) async throws -> AgentProcess {
        let bind = endpoint.isEmpty ? "tcp://127.0.0.1:*" : endpoint
        let process = try AgentProcess(
            [
                "manager", "--bind", bind, "--db", database, "--heartbeat-ms", "\(Self.heartbeatMilliseconds)", "--liveness", "3",
                "--grace-ms", "\(graceMilliseconds)", "--assignment-retry-ms", "200", "--log-level", "info",
                "--log-file", folder.appendingPathComponent("manager.log").path,
            ]
                // No HTTP server unless a test asks for one (`--http 127.0.0.1:0`): the default port is shared.
                + (extra.contains("--http") ? [] : ["--http", "off"]) + extra)
        guard let line = await process.line(startingWith: "manager listening on ", within: 30) else {
            process.kill()
            throw ClusterError(reason: "the manager did not start")
        }
        endpoint = String(line.dropFirst("manager listening on ".count))
        manager = process
        return process
    }

    /// The options that make an agent notice a lost manager quickly and reconnect soon.
    private var linkOptions: [String] {
        [
            "--heartbeat-ms", "\(Self.heartbeatMilliseconds)", "--liveness", "3", "--backoff-ms", "200", "--backoff-max-ms", "1000",
            "--log-level", "warning",
        ]
    }

    @discardableResult
    public func startReferee(_ name: String, maxMatches: Int = 2, timeoutMilliseconds: Int = 4_000) throws -> AgentProcess {
        let process = try AgentProcess(
            [
                "referee", "--manager", endpoint, "--name", name, "--max-matches", "\(maxMatches)", "--join-timeout-ms",
                "\(timeoutMilliseconds)",
                "--move-timeout-ms", "\(timeoutMilliseconds)",
            ] + linkOptions)
        agents[name] = process
        return process
    }

    @discardableResult
    public func startPlayer(_ name: String, strategy: String = "random", seed: Int, thinkMilliseconds: Int = 0) throws -> AgentProcess {
        let process = try AgentProcess(
            [
                "player", "--manager", endpoint, "--name", name, "--strategy", strategy, "--seed", "\(seed)", "--think-ms",
                "\(thinkMilliseconds)",
            ]
                + linkOptions)
        agents[name] = process
        return process
    }

    /// An operator client connected to the manager.
    public func client() async throws -> LeagueClient {
        try await LeagueClient(
            endpoint: endpoint, context: context, name: "test", logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
    }

    /// What the manager logged so far (JSON lines).
    public func managerLog() -> String {
        (try? String(contentsOf: folder.appendingPathComponent("manager.log"), encoding: .utf8)) ?? ""
    }

    /// Stops every process and removes the folder.
    public func tearDown() async {
        for process in agents.values { process.kill() }
        manager?.kill()
        for process in Array(agents.values) + [manager].compactMap({ $0 }) { _ = await process.exitStatus(within: 10) }
        try? FileManager.default.removeItem(at: folder)
    }
}

/// A cluster could not be set up.
public struct ClusterError: Error, CustomStringConvertible {
    public let reason: String
    public var description: String { reason }
}
