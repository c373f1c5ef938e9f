import Foundation
import LeagueRuntime
import Logging
import ZeroMQ

/// Connects many idle players to a `league manager` process and measures what the manager spends on them.
public enum IdleRun {
    /// Starts the manager, connects and registers `players` players (each its own DEALER, all on one loop
    /// thread of this process), waits for every registration, then measures `seconds` of idleness.
    public static func run(
        players: Int, seconds: Int, transport: BenchScenario.Transport, executable: String, logger: Logger,
        note: @escaping @Sendable (String) -> Void
    ) async throws -> IdleReport {
        let load = ProcessUsage.loadAverage()
        let unique = "\(getpid())-idle"
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("agent-league-bench-\(unique)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let bind = BenchScenario(transport: transport).bindEndpoint(unique: unique)
        let manager = try ChildProcess(
            executable: executable, arguments: ["manager", "--bind", bind, "--log-level", "warning"], directory: directory,
            name: "manager", watch: "manager listening on ")
        var loop: EventLoop?
        func stop() async {
            loop?.stop()
            if let loop { await loop.waitUntilStopped() }
            manager.signal(SIGINT)
            _ = await manager.stop(within: 10)
        }
        do {
            guard let endpoint = await wait(for: manager.watched, seconds: 30) else {
                throw BenchError.processFailed("the manager did not report its endpoint: \(manager.output(stderr: true).suffix(500))")
            }
            let context = try Context()
            let registered = RegistrationCount(expected: players)
            let quiet = logger.with(role: "player")
            let started = MonotonicClock.now()
            note("idle: connecting \(players) players to \(endpoint)")
            let services: [EventLoop.Factory] = (0..<players).map { index in
                let configuration = BenchAgents.player(index, scenario: BenchScenario(players: players))
                return { context in
                    try IdlePlayerService(
                        context: context, managerEndpoint: endpoint, configuration: configuration, registered: registered, logger: quiet)
                }
            }
            let players = try EventLoop(name: "players", context: context, services: services)
            loop = players
            try await players.waitUntilStarted()
            guard await wait(for: registered.done, seconds: 300) != nil else {
                throw BenchError.processFailed("only \(registered.value) of \(registered.expected) players registered")
            }
            let registration = Double(MonotonicClock.now() &- started) / 1e9
            note("idle: \(registered.value) players registered in \(String(format: "%.2f", registration)) s; measuring \(seconds) s")
            let managerBefore = ProcessUsage.process(manager.pid)
            let mineBefore = ProcessUsage.current()
            let windowStart = MonotonicClock.now()
            try await Task.sleep(for: .seconds(seconds))  // the measurement window itself
            let window = Double(MonotonicClock.now() &- windowStart) / 1e9
            let managerAfter = ProcessUsage.process(manager.pid)
            let mineAfter = ProcessUsage.current()
            await stop()
            func percent(_ before: ProcessUsage.Sample?, _ after: ProcessUsage.Sample?) -> Double {
                guard let before, let after, window > 0 else { return 0 }
                return ((after.cpuSeconds - before.cpuSeconds) / window * 1000).rounded() / 10
            }
            return IdleReport(
                players: registered.expected, registered: registered.value, transport: transport,
                heartbeats: "ZMTP PING/PONG every 1 s both ways (application heartbeats not in this build)",
                registrationSeconds: (registration * 1000).rounded() / 1000, seconds: (window * 1000).rounded() / 1000,
                managerCpuPercent: percent(managerBefore, managerAfter), playersCpuPercent: percent(mineBefore, mineAfter),
                managerRssMegabytes: ThreadUsage.megabytes(managerAfter?.rss ?? 0),
                managerAnonymousRssMegabytes: ThreadUsage.megabytes(managerAfter?.anonymousRSS ?? 0),
                managerPeakRssMegabytes: ThreadUsage.megabytes(managerAfter?.peakRSS ?? 0),
                playersProcessRssMegabytes: ThreadUsage.megabytes(mineAfter?.rss ?? 0), machine: ProcessUsage.machine(loadAtStart: load))
        } catch {
            await stop()
            throw error
        }
    }
}
