import LeagueFormats
import LeagueProtocol
import Testing

/// Properties every format keeps, for every league size from 2 to 33, driven to the end with seeded results.
@Suite("Every format")
struct FormatPropertyTests {
    @Test("nobody twice in a round or against themselves, indices in range, totals as announced", arguments: 2...33)
    func wellFormed(entrants: Int) throws {
        for format in try Simulation.formats(entrants: entrants) {
            let name = Simulation.name(format)
            for seed: UInt64 in 1...3 {
                let played = Simulation.run(format, entrants: entrants, seed: seed)
                #expect(played.count == format.totalRounds(entrants: entrants), "\(name) rounds")
                #expect(played.map(\.round.pairings.count).reduce(0, +) == format.totalMatches(entrants: entrants), "\(name) matches")
                for (index, played) in played.enumerated() {
                    var busy = Set<Int>()
                    for pairing in played.round.pairings {
                        #expect(pairing.a != pairing.b, "\(name) round \(index): \(pairing.a) plays themselves")
                        #expect((0..<entrants).contains(pairing.a) && (0..<entrants).contains(pairing.b), "\(name) round \(index)")
                        #expect(busy.insert(pairing.a).inserted, "\(name) round \(index): \(pairing.a) twice")
                        #expect(busy.insert(pairing.b).inserted, "\(name) round \(index): \(pairing.b) twice")
                    }
                    if let bye = played.round.bye {
                        #expect((0..<entrants).contains(bye), "\(name) round \(index): bye \(bye)")
                        #expect(busy.insert(bye).inserted, "\(name) round \(index): \(bye) has a bye and plays")
                    }
                }
            }
        }
    }

    @Test("the same seed gives the same schedule", arguments: 2...33)
    func deterministic(entrants: Int) throws {
        for format in try Simulation.formats(entrants: entrants) {
            let first = Simulation.run(format, entrants: entrants, seed: 7)
            let second = Simulation.run(format, entrants: entrants, seed: 7)
            #expect(first == second, "\(Simulation.name(format))")
        }
    }

    @Test("fewer than two entrants give nothing to play", arguments: [-1, 0, 1])
    func degenerate(entrants: Int) {
        let formats: [any TournamentFormat] = [
            RoundRobinFormat(), DoubleRoundRobinFormat(), SwissFormat(rounds: 3), KnockoutFormat(), GauntletFormat(),
        ]
        for format in formats {
            #expect(format.nextRounds(entrants: entrants, played: []).isEmpty, "\(Simulation.name(format))")
            #expect(format.totalRounds(entrants: entrants) == 0 && format.totalMatches(entrants: entrants) == 0)
        }
    }

    @Test("only Swiss byes score; only knockout places before points")
    func scoringFlags() {
        #expect(SwissFormat(rounds: 1).byeScores)
        #expect(!RoundRobinFormat().byeScores && !DoubleRoundRobinFormat().byeScores)
        #expect(!KnockoutFormat().byeScores && !GauntletFormat().byeScores)
        #expect(RoundRobinFormat().placement(entrants: 4, played: []) == nil)
        #expect(SwissFormat(rounds: 2).placement(entrants: 4, played: []) == nil)
        #expect(KnockoutFormat().placement(entrants: 4, played: []) == [1, 1, 1, 1])
    }
}
