import LeagueFormats
import LeagueProtocol
import LeagueStore
import Testing

@testable import LeagueManager

/// The league engine driven directly through every format: leases, results, standings, the format's next
/// rounds, completion, and a restore from what the store would hold.
@Suite("LeagueEngine")
struct LeagueEngineTests {
    static func spec(_ format: LeagueFormat, players: Int, rounds: Int? = nil) -> LeagueSpec {
        LeagueSpec(
            id: "league-1", game: "rps", format: format, seed: 11, requestedPlayers: players, rounds: rounds, gauntletPlayer: nil,
            gameOptions: [:])
    }

    static func entrants(_ count: Int) -> [(id: AgentID, name: String)] {
        (0..<count).map { (id: AgentID("P\($0 + 10)"), name: "player-\($0 + 10)") }
    }

    /// A seeded result for a match: A wins, B wins, a draw or both technical losers.
    static func result(_ match: EngineMatch, _ generator: inout SeededGenerator) -> MatchResultReport.Result {
        let a = match.playerA.rawValue
        let b = match.playerB.rawValue
        switch Int.random(in: 0..<8, using: &generator) {
        case 0: return .technicalLoss(playerA: a, playerB: b, losers: [a, b], seed: match.seed, reason: "both late")
        case 1, 2:
            return .init(
                winner: nil, score: [a: 1, b: 1], details: .init(status: .draw, drawnNumber: nil, choices: [:], seed: 0, reason: "d"))
        case 3, 4, 5:
            return .init(
                winner: a, score: [a: 3, b: 0], details: .init(status: .win, drawnNumber: nil, choices: [:], seed: 0, reason: "a"))
        default:
            return .init(
                winner: b, score: [a: 0, b: 3], details: .init(status: .win, drawnNumber: nil, choices: [:], seed: 0, reason: "b"))
        }
    }

    /// Plays the league to the end; returns the events seen.
    static func play(_ engine: LeagueEngine, seed: UInt64) -> [EngineEvent] {
        var generator = SeededGenerator(seed: seed)
        var events = engine.begin(players: entrants(engine.spec.requestedPlayers))
        engine.stored(through: engine.matches.count)
        var guardCount = 0
        while engine.status == .running, guardCount < 10_000 {
            guardCount += 1
            let startable = engine.startable()
            guard let index = startable.first else { break }
            _ = engine.lease(index, to: "REF01", now: 1)
            let changes = engine.finish(index, result: result(engine.matches[index], &generator))
            events += changes
            if changes.contains(where: { if case .scheduled = $0 { true } else { false } }) { engine.stored(through: engine.matches.count) }
        }
        return events
    }

    @Test(
        "every format plays to completion with the promised size, nobody twice in a round, and standings that add up",
        arguments: [
            (LeagueFormat.roundRobin, 7, nil as Int?), (.doubleRoundRobin, 5, nil), (.swiss, 9, 4), (.knockout, 6, nil),
            (.gauntlet, 5, nil),
        ])
    func playsToCompletion(format: LeagueFormat, players: Int, rounds: Int?) throws {
        let engine = try LeagueEngine(spec: Self.spec(format, players: players, rounds: rounds), watcher: nil)
        let events = Self.play(engine, seed: 3)
        #expect(engine.status == .completed)
        #expect(events.last == .leagueCompleted)
        #expect(engine.matches.count == engine.totalMatches)
        #expect(engine.rounds.count == engine.totalRounds)
        #expect(events.filter { if case .roundCompleted = $0 { true } else { false } }.count == engine.rounds.count)
        for round in engine.roundMatches {
            let seats = round.flatMap { engine.matches[$0].players }
            #expect(Set(seats).count == seats.count)
        }
        let rows = engine.standings.rows()
        #expect(rows.map(\.played).reduce(0, +) == 2 * engine.matches.count)
        if format == .swiss { #expect(rows.compactMap(\.byes).reduce(0, +) == rounds) }
        if format == .knockout {
            // The champion is first: the only player who never lost (a draw is decided by seed).
            let champion = try #require(rows.first)
            let losers = Set(
                engine.matches.compactMap { match -> AgentID? in
                    guard let decision = match.decision else { return nil }
                    switch decision {
                    case .aWins: return match.playerB
                    case .bWins: return match.playerA
                    case .draw, .bothLost: return match.pairing.a < match.pairing.b ? match.playerB : match.playerA
                    }
                })
            #expect(!losers.contains(AgentID(champion.playerID)))
            #expect(losers.count == players - 1)
        }
    }

    @Test("a restored league equals the original: the same schedule, results and standings", arguments: [LeagueFormat.swiss, .knockout])
    func restore(format: LeagueFormat) throws {
        let spec = Self.spec(format, players: 7, rounds: format == .swiss ? 3 : nil)
        let original = try LeagueEngine(spec: spec, watcher: nil)
        // Play part of it: the first round and a little of the next.
        var generator = SeededGenerator(seed: 5)
        _ = original.begin(players: Self.entrants(7))
        original.stored(through: original.matches.count)
        for _ in 0..<4 {
            guard let index = original.startable().first else { break }
            _ = original.lease(index, to: "REF01", now: 1)
            if !original.finish(index, result: Self.result(original.matches[index], &generator)).isEmpty {
                original.stored(through: original.matches.count)
            }
        }
        let stored = original.matches.indices.map { index -> StoredMatch in
            var record = original.stored(index)
            record.result = original.matches[index].result
            return record
        }
        let restored = try LeagueEngine(spec: spec, watcher: nil)
        let changes = restored.restore(players: Self.entrants(7), stored: stored, status: .running, now: 2)
        #expect(changes.isEmpty)
        #expect(restored.matches.map(\.id) == original.matches.map(\.id))
        #expect(restored.matches.map(\.players) == original.matches.map(\.players))
        #expect(restored.matches.map(\.result) == original.matches.map(\.result))
        #expect(restored.standings.rows() == original.standings.rows())
        #expect(restored.startable() == original.startable())
    }
}
