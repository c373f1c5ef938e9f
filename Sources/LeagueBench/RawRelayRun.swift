import LeagueFormats
import LeagueManager
import LeagueRuntime
import ZeroMQ

/// Plays `matches` matches through the raw relay with the scenario's agents and transport, on the same
/// threads as a league in one process (relay, referees, players), and measures them.
enum RawRelayRun {
    static func run(_ scenario: BenchScenario, matches total: Int, unique: String) async throws -> Throughput {
        let context = try Context()
        let messages = RawMessages()
        let progress = RawRelayProgress(total: total)
        let recorder = LatencyRecorder()
        let playerNames = (0..<scenario.playerAgents).map { "raw-" + LocalLeagueOptions.playerName($0) }
        let refereeNames = (0..<scenario.referees).map { "raw-" + LocalLeagueOptions.refereeName($0) }
        let shares = share(total: total, scenario: scenario, playerNames: playerNames)
        let endpoint = scenario.bindEndpoint(unique: "raw-\(unique)")
        let relay = try await EventLoop.launch(name: "relay", context: context) { context in
            try RawRelayBroker(
                context: context, endpoint: endpoint, expectedAgents: playerNames.count + shares.count, messages: messages,
                progress: progress)
        }
        var loops = [relay.loop]
        defer { for loop in loops { loop.stop() } }
        let address = relay.endpoint
        let referees: [EventLoop.Factory] = shares.enumerated().map { index, share in
            { context in
                try RawRefereeService(
                    context: context, endpoint: address, name: refereeNames[index], matches: share.matches, capacity: share.capacity,
                    messages: messages, recorder: recorder)
            }
        }
        let players: [EventLoop.Factory] = playerNames.map { name in
            { context in try RawPlayerService(context: context, endpoint: address, name: name, messages: messages) }
        }
        for (name, services) in [("referees", referees), ("players", players)] {
            let loop = try EventLoop(name: name, context: context, services: services)
            loops.append(loop)
            try await loop.waitUntilStarted()
        }
        let watchdog = Task {
            // Gives up when no match finishes for the league timeout: a stuck run reports lost matches.
            var last = -1
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(scenario.leagueTimeoutSeconds))
                let now = progress.finished.load(ordering: .relaxed)
                if now == last { progress.started.complete(0); progress.ended.complete(nil); return }
                last = now
            }
        }
        let start = await progress.started.wait()
        let end = await progress.ended.wait()
        watchdog.cancel()
        let finished = progress.finished.load(ordering: .relaxed)
        let seconds = start == 0 ? 0 : Double((end ?? MonotonicClock.now()) &- start) / 1e9
        for loop in loops { loop.stop() }
        for loop in loops { await loop.waitUntilStopped() }
        loops = []
        let totals = recorder.totals
        return Throughput(
            matches: finished, lostMatches: total - finished, technicalLosses: 0, wallSeconds: seconds,
            matchLatencyMs: LatencyRecorder.summary(totals.histogram), leagueMs: nil,
            managerMessages: progress.received.load(ordering: .relaxed), managerErrors: 0)
    }

    /// Deals the matches of back-to-back round-robin leagues to referees. The relay runs as many matches at
    /// once as a league could: at most one per pair of players, and at most the referees' capacity.
    static func share(total: Int, scenario: BenchScenario, playerNames: [String]) -> [(matches: [(a: [UInt8], b: [UInt8])], capacity: Int)]
    {
        let concurrency = max(1, min(scenario.referees * scenario.refereeCapacity, playerNames.count / 2))
        let active = min(scenario.referees, concurrency)
        var shares = (0..<active).map { index in
            (matches: [(a: [UInt8], b: [UInt8])](), capacity: concurrency / active + (index < concurrency % active ? 1 : 0))
        }
        let schedule = RoundRobin.rounds(count: scenario.players).flatMap { $0 }
        let groups = max(1, playerNames.count / scenario.players)
        var dealt = 0
        while dealt < total {
            for pairing in schedule where dealt < total {
                let offset = (dealt / schedule.count % groups) * scenario.players
                let match = (a: Array(playerNames[offset + pairing.a].utf8), b: Array(playerNames[offset + pairing.b].utf8))
                shares[dealt % active].matches.append(match)
                dealt += 1
            }
        }
        return shares
    }
}
