import LeagueManager
import LeagueOperator
import LeaguePlayer
import LeagueProtocol
import LeagueReferee
import LeagueRuntime
import Logging
import ZeroMQ

/// The league part of a run with every role in the bench process, laid out as ``LocalLeague`` does: one
/// loop thread for the manager (the real ``Broker``), one for the referees, one for the players, one for the
/// operator client, all on one libzmq context.
enum InProcessLeagueRun {
    static func run(
        _ scenario: BenchScenario, unique: String, logger: Logger, progress: @escaping @Sendable (BenchProgress) -> Void
    ) async throws -> (Throughput, [RoleUsage]) {
        let context = try Context()
        let stats = ManagerStatsBox()
        let recorder = LatencyRecorder()
        let configuration = ManagerConfiguration(endpoint: scenario.bindEndpoint(unique: unique))
        let manager = try await Broker.launch(
            ManagerSettings(
                configuration: configuration, policy: ManagerPolicy().hostingBuiltInGames(), stats: stats,
                onLoopThread: { ThreadUsage.tagCurrentThread("manager") }),
            context: context, logger: logger.with(role: "manager"))
        var loops = [manager.loop]
        var client: LeagueClient?
        do {
            let endpoint = manager.endpoint
            let referees: [EventLoop.Factory] = (0..<scenario.referees).map { index in
                let configuration = RefereeConfiguration(name: LocalLeagueOptions.refereeName(index), maxMatches: scenario.refereeCapacity)
                let refereeLogger = logger.with(role: "referee", agent: configuration.name)
                return { context in
                    ThreadUsage.tagCurrentThread("referee")
                    return try ProbeRefereeService(
                        context: context, managerEndpoint: endpoint, configuration: configuration, recorder: recorder, logger: refereeLogger
                    )
                }
            }
            let players: [EventLoop.Factory] = (0..<scenario.playerAgents).map { index in
                let configuration = BenchAgents.player(index, scenario: scenario)
                let playerLogger = logger.with(role: "player", agent: configuration.name)
                return { context in
                    ThreadUsage.tagCurrentThread("player")
                    return try PlayerService(
                        context: context, managerEndpoint: endpoint, configuration: configuration, logger: playerLogger)
                }
            }
            for (name, services) in [("referees", referees), ("players", players)] {
                let loop = try EventLoop(name: name, context: context, services: services)
                loops.append(loop)
                try await loop.waitUntilStarted()
            }
            let operatorClient = try await LeagueClient(
                endpoint: endpoint, context: context, name: "bench", logger: logger.with(role: "operator"))
            client = operatorClient
            let baseline = ThreadBaseline()
            // The broker publishes its counters once per batch of up to 512 messages, so the count is taken
            // from before the first request: it includes the few registrations still in flight.
            baseline.messages = stats.snapshot.received
            let outcome = try await LeagueDriver(scenario: scenario, client: operatorClient, progress: progress) {
                baseline.threads = ThreadUsage.sample()
            }.run()
            let after = ThreadUsage.sample()
            await operatorClient.close()
            client = nil
            for loop in loops.reversed() { loop.stop() }
            for loop in loops { await loop.waitUntilStopped() }
            loops = []
            // The broker publishes its counters after each batch and when it stops, so read them now.
            let final = stats.snapshot
            let totals = recorder.totals
            let seconds = Double((outcome.lastEnd ?? MonotonicClock.now()) &- (outcome.firstStart ?? MonotonicClock.now())) / 1e9
            let throughput = Throughput(
                matches: outcome.matchesCompleted, lostMatches: scenario.totalMatches - outcome.matchesCompleted,
                technicalLosses: totals.technicalLosses, wallSeconds: max(0, seconds),
                matchLatencyMs: LatencyRecorder.summary(totals.histogram), leagueMs: LatencyRecorder.summary(outcome.leagueDurations),
                managerMessages: final.received - baseline.messages, managerErrors: final.totalErrors)
            return (throughput, ThreadUsage.roles(from: baseline.threads, to: after))
        } catch {
            await client?.close()
            for loop in loops { loop.stop() }
            for loop in loops { await loop.waitUntilStopped() }
            throw error
        }
    }
}

/// Counters taken when the first league starts; written and read on the bench's own task only.
final class ThreadBaseline {
    var threads: ThreadUsage.Sample = [:]
    var messages = 0
}
