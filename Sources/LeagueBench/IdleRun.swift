import Foundation
import LeagueRuntime
import Logging
import ZeroMQ

/// Connects many idle players to a `league manager` process and measures what the manager spends on them.
public enum IdleRun {
    /// Players one process connects at most.
    static let perProcess = 8_000
    /// Seconds the players may take to register.
    static let registrationTimeout = 120

    /// Starts the manager, connects and registers `players` players (each its own DEALER; in this process,
    /// and in helper processes beyond ``perProcess``), waits for every registration, then measures `seconds`
    /// of idleness.
    public static func run(
        players: Int, seconds: Int, transport: BenchScenario.Transport, executable: String, managerHeartbeatMilliseconds: Int? = nil,
        logger: Logger, note: @escaping @Sendable (String) -> Void
    ) async throws -> IdleReport {
        let load = ProcessUsage.loadAverage()
        let unique = "\(getpid())-idle"
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("agent-league-bench-\(unique)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let bind = BenchScenario(transport: transport).bindEndpoint(unique: unique)
        // `league manager` itself, or, to measure another ZMTP heartbeat setting, the same broker started by
        // `league bench --serve-manager` with that setting.
        let arguments =
            managerHeartbeatMilliseconds.map {
                ["bench", "--serve-manager", bind, "--manager-heartbeat-ms", "\($0)", "--log-level", "warning"]
            }
            ?? [
                "manager", "--bind", bind, "--db", directory.appendingPathComponent("idle.sqlite").path, "--http", "off", "--log-level",
                "warning",
            ]
        let manager = try ChildProcess(
            executable: executable, arguments: arguments, directory: directory, name: "manager", watch: "manager listening on ")
        var loops: [EventLoop] = []
        var helpers: [ChildProcess] = []
        func stop() async {
            for loop in loops { loop.stop() }
            for loop in loops { await loop.waitUntilStopped() }
            for helper in helpers { helper.signal(SIGTERM) }
            for helper in helpers { _ = await helper.stop(within: 20) }
            manager.signal(SIGINT)
            _ = await manager.stop(within: 10)
        }
        do {
            guard let endpoint = await wait(for: manager.watched, seconds: 30) else {
                throw BenchError.processFailed("the manager did not report its endpoint: \(manager.output(stderr: true).suffix(500))")
            }
            let started = MonotonicClock.now()
            // The sandbox this was measured in caps open files at 20,000, and each player over tcp needs two
            // (its connection and its socket's mailbox): beyond `perProcess` players, the rest connect from
            // helper processes (`league bench --idle-helper`).
            let processes = max(1, (players + perProcess - 1) / perProcess)
            let share = (players + processes - 1) / processes
            note("idle: connecting \(players) players to \(endpoint) from \(processes) process(es)")
            for first in stride(from: share, to: players, by: share) {
                let helper = try ChildProcess(
                    executable: executable,
                    arguments: [
                        "bench", "--idle-helper", "\(first)", "--idle-players", "\(min(share, players - first))", "--manager", endpoint,
                        "--log-level", "warning",
                    ], directory: directory, name: "helper-\(first)", watch: "idle helper registered ")
                helpers.append(helper)
            }
            let (mine, registered) = try await connect(players: 0..<min(share, players), to: endpoint, logger: logger)
            loops = mine
            // A manager that cannot keep up still gets measured: the report says how many registered.
            var complete = await wait(for: registered.done, seconds: registrationTimeout) != nil
            var registeredCount = registered.value
            for helper in helpers {
                if let count = await wait(for: helper.watched, seconds: complete ? registrationTimeout : 1).flatMap({ Int($0) }) {
                    registeredCount += count
                } else {
                    complete = false
                }
            }
            if !complete { note("idle: registration incomplete after \(registrationTimeout) s; measuring anyway") }
            let registration = Double(MonotonicClock.now() &- started) / 1e9
            note("idle: \(registeredCount) players registered in \(String(format: "%.2f", registration)) s; measuring \(seconds) s")
            let managerBefore = ProcessUsage.process(manager.pid)
            let mineBefore = playersUsage(helpers)
            let windowStart = MonotonicClock.now()
            try await Task.sleep(for: .seconds(seconds))  // the measurement window itself
            let window = Double(MonotonicClock.now() &- windowStart) / 1e9
            let managerAfter = ProcessUsage.process(manager.pid)
            let mineAfter = playersUsage(helpers)
            await stop()
            func percent(_ before: ProcessUsage.Sample?, _ after: ProcessUsage.Sample?) -> Double {
                guard let before, let after, window > 0 else { return 0 }
                return ((after.cpuSeconds - before.cpuSeconds) / window * 1000).rounded() / 10
            }
            return IdleReport(
                players: players, registered: registeredCount, transport: transport,
                heartbeats: managerHeartbeatMilliseconds.map {
                    "application heartbeats every 1 s; ZMTP: players every 1 s, manager " + ($0 > 0 ? "every \($0) ms" : "off")
                } ?? "application heartbeats and ZMTP PING/PONG every 1 s both ways (`league manager` defaults)",
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

    /// The players' processes together: CPU summed, RSS of the largest.
    static func playersUsage(_ helpers: [ChildProcess]) -> ProcessUsage.Sample? {
        guard var total = ProcessUsage.current() else { return nil }
        for helper in helpers {
            guard let sample = ProcessUsage.process(helper.pid) else { continue }
            total.cpuSeconds += sample.cpuSeconds
            total.rss = max(total.rss, sample.rss)
            total.peakRSS = max(total.peakRSS, sample.peakRSS)
        }
        return total
    }

    /// Connects the players numbered `range`, spread over loops of at most 250 sockets, each loop with its
    /// own context: zmq_poll costs time in proportion to the sockets it watches, and a libzmq I/O thread
    /// cancels a heartbeat timer by scanning all of its timers.
    static func connect(players range: Range<Int>, to endpoint: String, logger: Logger) async throws -> ([EventLoop], RegistrationCount) {
        let registered = RegistrationCount(expected: range.count)
        let quiet = logger.with(role: "player")
        let perLoop = 250
        var loops: [EventLoop] = []
        do {
            for first in stride(from: range.lowerBound, to: range.upperBound, by: perLoop) {
                let context = try Context()
                let services: [EventLoop.Factory] = (first..<min(range.upperBound, first + perLoop)).map { index in
                    let configuration = BenchAgents.player(index, scenario: BenchScenario())
                    return { context in
                        try IdlePlayerService(
                            context: context, managerEndpoint: endpoint, configuration: configuration, registered: registered, logger: quiet
                        )
                    }
                }
                let group = try EventLoop(name: "players-\(first / perLoop)", context: context, services: services)
                loops.append(group)
                try await group.waitUntilStarted()
            }
        } catch {
            for loop in loops { loop.stop() }
            for loop in loops { await loop.waitUntilStopped() }
            throw error
        }
        return (loops, registered)
    }

    /// A helper process's part: connects `count` players from number `first`, says so on stdout once all
    /// are registered, and returns their loops (the caller runs until signalled, then stops them).
    public static func helper(first: Int, count: Int, endpoint: String, logger: Logger) async throws -> [EventLoop] {
        let (loops, registered) = try await connect(players: first..<(first + count), to: endpoint, logger: logger)
        _ = await wait(for: registered.done, seconds: registrationTimeout)
        FileHandle.standardOutput.write(Data("idle helper registered \(registered.value)\n".utf8))
        return loops
    }
}
