import Foundation
import LeagueOperator
import LeagueRuntime
import Logging
import Synchronization
import ZeroMQ

/// The league part of a run with each role as its own process: the real `league manager`, one
/// `league bench --probe-referee` per referee (the real referee core plus a stopwatch) and one
/// `league player` per player. The operator client runs in the bench process.
enum ProcessLeagueRun {
    static func run(
        _ scenario: BenchScenario, executable: String, unique: String, progress: @escaping @Sendable (BenchProgress) -> Void
    ) async throws -> (Throughput, [RoleUsage]) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("agent-league-bench-\(unique)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var children: [(role: String, process: ChildProcess)] = []
        func stopAll() async {
            for child in children where child.role != "manager" { child.process.signal(SIGTERM) }
            for child in children where child.role != "manager" { _ = await child.process.stop(within: 10) }
            for child in children where child.role == "manager" {
                child.process.signal(SIGINT)
                _ = await child.process.stop(within: 10)
            }
        }
        do {
            // The manager as deployed: its SQLite store on disk (in the run's directory), info logs; no HTTP API,
            // so that runs side by side do not compete for its port.
            let managerCommand = [
                executable, "manager", "--bind", scenario.bindEndpoint(unique: unique), "--db",
                directory.appendingPathComponent("league.sqlite").path,
                "--http", "off", "--log-level", "info",
            ]
            let wrapped = scenario.managerPrefix + managerCommand
            let manager = try ChildProcess(
                executable: wrapped[0].hasPrefix("/") ? wrapped[0] : "/usr/bin/env",
                arguments: wrapped[0].hasPrefix("/") ? Array(wrapped.dropFirst()) : wrapped,
                directory: directory, name: "manager", watch: "manager listening on ")
            children.append(("manager", manager))
            guard let endpoint = await wait(for: manager.watched, seconds: 30) else {
                throw BenchError.processFailed("the manager did not report its endpoint: \(manager.output(stderr: true).suffix(500))")
            }
            for index in 0..<scenario.referees {
                let name = LocalLeagueOptions.refereeName(index)
                children.append(
                    (
                        "referee",
                        try ChildProcess(
                            executable: executable,
                            arguments: [
                                "bench", "--probe-referee", name, "--manager", endpoint, "--referee-capacity",
                                "\(scenario.refereeCapacity)",
                                "--log-level", "warning",
                            ], directory: directory, name: name)
                    ))
            }
            for index in 0..<scenario.playerAgents {
                let player = BenchAgents.player(index, scenario: scenario)
                children.append(
                    (
                        "player",
                        try ChildProcess(
                            executable: executable,
                            arguments: [
                                "player", "--manager", endpoint, "--name", player.name, "--strategy", player.strategy.rawValue, "--seed",
                                "\(player.seed)", "--log-level", "warning",
                            ], directory: directory, name: player.name)
                    ))
            }
            let context = try Context()
            let logger = Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() })
            let client = try await LeagueClient(endpoint: endpoint, context: context, name: "bench", logger: logger)
            let baseline = UsageBaseline()
            let pids = children.map { ($0.role, $0.process.pid) }
            let operatorPID = getpid()
            let driver = LeagueDriver(scenario: scenario, client: client, progress: progress) {
                baseline.set(
                    Dictionary(
                        uniqueKeysWithValues: (pids + [("operator", operatorPID)]).map {
                            ($0.1, ProcessUsage.process($0.1)?.cpuSeconds ?? 0)
                        }))
            }
            let outcome = try await driver.run()
            let ends = (pids + [("operator", operatorPID)]).map { (role: $0.0, pid: $0.1, sample: ProcessUsage.process($0.1)) }
            await client.close()
            await stopAll()
            let recorder = LatencyRecorder()
            for child in children where child.role == "referee" {
                if let data = child.process.output().split(separator: "\n").last.map({ Data($0.utf8) }),
                    let totals = try? JSONDecoder().decode(LatencyRecorder.Totals.self, from: data)
                {
                    recorder.merge(totals)
                }
            }
            let managerLog = manager.output(stderr: true)
            let totals = recorder.totals
            let seconds = Double((outcome.lastEnd ?? MonotonicClock.now()) &- (outcome.firstStart ?? MonotonicClock.now())) / 1e9
            let throughput = Throughput(
                matches: outcome.matchesCompleted, lostMatches: scenario.totalMatches - outcome.matchesCompleted,
                technicalLosses: totals.technicalLosses, wallSeconds: max(0, seconds),
                matchLatencyMs: LatencyRecorder.summary(totals.histogram), leagueMs: LatencyRecorder.summary(outcome.leagueDurations),
                managerMessages: counter("received", inFinalLineOf: managerLog), managerErrors: counter("errors", inFinalLineOf: managerLog)
            )
            let before = baseline.value
            var roles: [RoleUsage] = []
            for role in ["manager", "referee", "player", "operator"] {
                let mine = ends.filter { $0.role == role }
                guard !mine.isEmpty else { continue }
                let cpu = mine.reduce(0.0) { $0 + ($1.sample?.cpuSeconds ?? 0) - (before[$1.pid] ?? 0) }
                let peak = mine.map { $0.sample?.peakRSS ?? 0 }.max() ?? 0
                let anonymous = mine.map { $0.sample?.anonymousRSS ?? 0 }.max() ?? 0
                roles.append(
                    RoleUsage(
                        role: role, count: mine.count, cpuSeconds: ThreadUsage.rounded(cpu), peakRssMegabytes: ThreadUsage.megabytes(peak),
                        anonymousRssMegabytes: ThreadUsage.megabytes(anonymous)))
            }
            return (throughput, roles)
        } catch {
            await stopAll()
            throw error
        }
    }

    /// A counter from the manager's `manager stopped` log line, as text (`key=N`) or JSON (`"key":"N"`).
    static func counter(_ key: String, inFinalLineOf log: String) -> Int? {
        guard let line = log.split(separator: "\n").last(where: { $0.contains("manager stopped") }) else { return nil }
        for marker in ["\"\(key)\":\"", "\"\(key)\":", "\(key)="] {
            if let range = line.range(of: marker) { return Int(line[range.upperBound...].prefix { $0.isNumber }) }
        }
        return nil
    }
}

/// CPU seconds per process at the first league's start, set once from the driver.
final class UsageBaseline: Sendable {
    private let state = Mutex<[Int32: Double]>([:])
    func set(_ value: [Int32: Double]) { state.withLock { if $0.isEmpty { $0 = value } } }
    var value: [Int32: Double] { state.withLock { $0 } }
}
