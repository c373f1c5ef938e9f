import ArgumentParser
import Foundation
import LeagueBench
import LeagueManager
import LeagueProtocol
import LeagueReferee
import LeagueRuntime
import Logging
import ZeroMQ

extension BenchScenario.Transport: ExpressibleByArgument {}
extension BenchScenario.Roles: ExpressibleByArgument {}

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure leagues: matches/s, match latency, manager messages/s, CPU and memory per role.",
        discussion: """
            Plays --leagues leagues of --players players (--concurrent of them at once, each with its own players) \
            and prints a table, or one JSON object with --json. Match latency is measured at the referee, from \
            reading MATCH_ASSIGNMENT to reading its MATCH_RESULT_ACK; league time at the operator, from round 1's \
            announcement to LEAGUE_COMPLETED. --raw-relay then pushes the same 11 messages per match through a \
            ROUTER that only forwards, and reports the league's matches/s as a ratio of the relay's. \
            --idle-players N instead connects N players (one DEALER each, in this process) to a `league manager` \
            process and measures the idle manager's CPU and memory.
            """)

    @Option(help: "Players per league.")
    var players = 4

    @Option(help: "Referees.")
    var referees = 2

    @Option(help: "Matches each referee runs at once.")
    var refereeCapacity = 4

    @Option(help: "Leagues to play in all.")
    var leagues = 1

    @Option(help: "Leagues running at once, each with its own players (1: back to back).")
    var concurrent = 1

    @Option(help: "Transport: tcp (loopback), ipc or inproc.")
    var transport = BenchScenario.Transport.tcp

    @Option(help: "Where the roles run: one-process, or processes (each role its own OS process).")
    var roles = BenchScenario.Roles.oneProcess

    @Option(help: "Seed for the leagues' draws and the players' strategies.")
    var seed: UInt64 = 1

    @Flag(help: "Also push the same matches' messages through a bare forwarding ROUTER and report the ratio.")
    var rawRelay = false

    @Option(help: "The most matches the raw relay plays.")
    var rawMatches = 20_000

    @Option(help: "Seconds without progress after which the run gives up (and reports lost matches).")
    var timeout = 120

    @Option(help: "Instead of leagues: connect this many idle players to a manager process and measure it.")
    var idlePlayers: Int?

    @Option(help: "Seconds the idle measurement lasts.")
    var idleSeconds = 10

    @Option(help: "With --roles processes: a command (split at spaces) to run the manager under, e.g. \"valgrind --tool=callgrind\".")
    var managerPrefix: String?

    @Flag(help: "Print one JSON object instead of a table.")
    var json = false

    @Option(help: ArgumentHelp("Run as a timed referee for a bench in processes (internal).", visibility: .private))
    var probeReferee: String?

    @Option(help: ArgumentHelp("The manager a probe referee connects to (internal).", visibility: .private))
    var manager = defaultEndpoint

    @Option(help: ArgumentHelp("Run a manager broker bound here, for --idle-players (internal).", visibility: .private))
    var serveManager: String?

    @Option(help: ArgumentHelp("Connect --idle-players players from this number for another bench (internal).", visibility: .private))
    var idleHelper: Int?

    @Option(help: "With --idle-players: the manager's ZMTP heartbeat interval in ms (0: off); `league manager`'s own when absent.")
    var managerHeartbeatMs: Int?

    @OptionGroup var common: CommonOptions

    var scenario: BenchScenario {
        BenchScenario(
            players: players, referees: referees, refereeCapacity: refereeCapacity, leagues: leagues, concurrentLeagues: concurrent,
            transport: transport, roles: roles, seed: seed, rawRelay: rawRelay, rawRelayMatchLimit: rawMatches,
            leagueTimeoutSeconds: timeout, managerPrefix: managerPrefix.map { $0.split(separator: " ").map(String.init) } ?? [])
    }

    func validate() throws {
        if probeReferee != nil || serveManager != nil || idleHelper != nil { return }
        if let idlePlayers {
            guard idlePlayers >= 1 else { throw ValidationError("--idle-players must be at least 1") }
            guard transport != .inproc else { throw ValidationError("--idle-players needs tcp or ipc: the manager is a process") }
            return
        }
        if let problem = scenario.problem { throw ValidationError(problem) }
    }

    func run() async throws {
        var logger = try common.bootstrapLogging()
        if common.logLevel == .info { logger.logLevel = .warning }  // the bench's own output is the progress
        if let name = probeReferee {
            try await runProbeReferee(name: name, logger: logger)
            return
        }
        if let first = idleHelper {
            let loops = try await IdleRun.helper(first: first, count: idlePlayers ?? 0, endpoint: manager, logger: logger)
            await runUntilSignalled(loops)
            return
        }
        if let endpoint = serveManager {
            try await serve(endpoint, logger: logger)
            return
        }
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        BenchLimits.raiseOpenFiles()
        let progress = BenchProgressLine()
        if let idlePlayers {
            let report = try await IdleRun.run(
                players: idlePlayers, seconds: idleSeconds, transport: transport, executable: executable,
                managerHeartbeatMilliseconds: managerHeartbeatMs, logger: logger
            ) { progress.note($0) }
            if json { try BenchOutput.printJSON(report) } else { print(BenchOutput.table(report)) }
            return
        }
        let scenario = self.scenario
        progress.note(
            "bench: \(scenario.leagues) league(s) of \(scenario.players) players, \(scenario.referees) referees, "
                + "\(scenario.concurrentLeagues) at once, \(scenario.transport.rawValue), \(scenario.roles.rawValue), seed \(scenario.seed)"
        )
        let report = try await BenchRunner.run(scenario, executable: executable, logger: logger) { progress.update($0) }
        progress.finish()
        if json { try BenchOutput.printJSON(report) } else { print(BenchOutput.table(report)) }
    }

    /// The broker of `league manager` with a chosen ZMTP heartbeat, for `--idle-players`: prints the same
    /// `manager listening on` line and runs until SIGINT or SIGTERM.
    private func serve(_ endpoint: String, logger: Logger) async throws {
        let context = try Context()
        let configuration = ManagerConfiguration(endpoint: endpoint, transportHeartbeatMilliseconds: Int32(managerHeartbeatMs ?? 1_000))
        let manager = try await Broker.launch(
            ManagerSettings(configuration: configuration, policy: ManagerPolicy().hostingBuiltInGames()), context: context,
            logger: logger.with(role: "manager"))
        FileHandle.standardOutput.write(Data("manager listening on \(manager.endpoint)\n".utf8))
        await runUntilSignalled([manager.loop])
    }

    /// A referee process for `--roles processes`: runs until SIGTERM, then prints its latencies as JSON.
    private func runProbeReferee(name: String, logger: Logger) async throws {
        let context = try Context()
        let recorder = LatencyRecorder()
        let configuration = RefereeConfiguration(name: name, maxMatches: refereeCapacity)
        let endpoint = manager
        let refereeLogger = logger.with(role: "referee", agent: name)
        let loop = try EventLoop(
            name: "referee", context: context,
            services: [
                { context in
                    try ProbeRefereeService(
                        context: context, managerEndpoint: endpoint, configuration: configuration, recorder: recorder, logger: refereeLogger
                    )
                }
            ])
        try await loop.waitUntilStarted()
        await runUntilSignalled([loop])
        let data = try JSONEncoder().encode(recorder.totals)
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }
}
