import LeagueFormats
import LeagueProtocol
import Testing

/// Single elimination for every league size from 2 to 33.
@Suite("Knockout")
struct KnockoutTests {
    /// Who advances from a played match, worked out here: the winner, else the lower index (the higher seed).
    static func winner(_ match: PlayedMatch) -> Int {
        switch match.decision {
        case .aWins: match.pairing.a
        case .bWins: match.pairing.b
        case .draw, .bothLost: min(match.pairing.a, match.pairing.b)
        }
    }

    @Test("one champion; everyone else lost exactly one match and played no more; each round holds the survivors", arguments: 2...33)
    func elimination(entrants: Int) throws {
        for seed: UInt64 in 1...4 {
            let played = Simulation.run(KnockoutFormat(), entrants: entrants, seed: seed)
            #expect(played.count == (entrants - 1).bitWidth - (entrants - 1).leadingZeroBitCount)  // ⌈log₂ N⌉
            var losses = Array(repeating: 0, count: entrants)
            var alive = Set(0..<entrants)
            let waiting = Set(0..<(KnockoutFormat.bracketSize(entrants: entrants) - entrants))  // round-1 byes
            for (index, round) in played.enumerated() {
                let present = Set(round.round.pairings.flatMap { [$0.a, $0.b] })
                #expect(present.union(index == 0 ? waiting : []) == alive, "round holds \(present.sorted()), survivors \(alive.sorted())")
                #expect(round.round.bye == nil)
                for match in round.matches {
                    let loser = match.pairing.a == Self.winner(match) ? match.pairing.b : match.pairing.a
                    losses[loser] += 1
                    alive.remove(loser)
                }
            }
            #expect(alive.count == 1)
            let champion = try #require(alive.first)
            #expect(losses[champion] == 0)
            #expect((0..<entrants).allSatisfy { $0 == champion || losses[$0] == 1 })
        }
    }

    @Test("the top P − N seeds are absent from round 1 (their byes) and nobody from later rounds", arguments: 2...33)
    func byes(entrants: Int) throws {
        let played = Simulation.run(KnockoutFormat(), entrants: entrants, seed: 5)
        let size = KnockoutFormat.bracketSize(entrants: entrants)
        #expect(size >= entrants && size / 2 < entrants && size.nonzeroBitCount == 1)
        let first = try #require(played.first)
        let absent = Set(0..<entrants).subtracting(first.round.pairings.flatMap { [$0.a, $0.b] })
        #expect(absent == Set(0..<(size - entrants)))
        #expect(played.allSatisfy { $0.round.bye == nil }, "knockout byes are not named: they do not score")
        // From round 2 on every round is full: 2^(rounds − r + 1) players, half as many matches.
        for (index, round) in played.enumerated().dropFirst() {
            #expect(round.round.pairings.count == size >> (index + 1), "round \(index + 1)")
        }
    }

    @Test("drawn and doubly lost matches go to the higher seed", arguments: 2...33)
    func tieBreak(entrants: Int) {
        for decision in [MatchDecision.draw, .bothLost] {
            let played = Simulation.run(KnockoutFormat(), entrants: entrants, decide: Simulation.always(decision))
            let placement = KnockoutFormat().placement(entrants: entrants, played: played) ?? []
            #expect(placement.first == played.count + 1, "seed 1 is champion")
            for (index, round) in played.enumerated().dropLast() {
                let next = Set(played[index + 1].round.pairings.flatMap { [$0.a, $0.b] })
                #expect(round.round.pairings.allSatisfy { next.contains(min($0.a, $0.b)) && !next.contains(max($0.a, $0.b)) })
            }
        }
    }

    @Test("seeding: with favourites winning, every match pairs seeds adding up the same, and 1 meets 2 in the final", arguments: 2...33)
    func seeding(entrants: Int) throws {
        let played = Simulation.run(KnockoutFormat(), entrants: entrants, decide: Simulation.favouritesWin)
        var size = KnockoutFormat.bracketSize(entrants: entrants)
        for round in played {
            #expect(round.round.pairings.allSatisfy { $0.a + $0.b == size - 1 }, "bracket of \(size): \(round.round.pairings)")
            #expect(round.round.pairings.allSatisfy { $0.a < $0.b }, "the higher seed is PLAYER_A")
            size /= 2
        }
        #expect(try #require(played.last).round.pairings == [Pairing(a: 0, b: 1)])
    }

    @Test("placement: the round reached; champion rounds + 1, runner-up rounds", arguments: 2...33)
    func placement(entrants: Int) throws {
        let format = KnockoutFormat()
        let played = Simulation.run(format, entrants: entrants, seed: 9)
        let rounds = format.totalRounds(entrants: entrants)
        var expected = Array(repeating: rounds + 1, count: entrants)
        for (index, round) in played.enumerated() {
            for match in round.matches {
                let loser = match.pairing.a == Self.winner(match) ? match.pairing.b : match.pairing.a
                expected[loser] = index + 1
            }
        }
        #expect(format.placement(entrants: entrants, played: played) == expected)
        #expect(expected.filter { $0 == rounds + 1 }.count == 1 && expected.filter { $0 == rounds }.count == 1)
        // Mid-league: those still in have reached the next round.
        let partial = try #require(format.placement(entrants: entrants, played: Array(played.prefix(1))))
        let stillIn = Set(played.dropFirst().first.map { $0.round.pairings.flatMap { [$0.a, $0.b] } } ?? [])
        #expect((0..<entrants).allSatisfy { stillIn.isEmpty || partial[$0] == (stillIn.contains($0) ? 2 : 1) })
    }

    @Test("five entrants: seeds 1–3 wait, 4 meets 5; the winner meets seed 1")
    func fiveEntrants() throws {
        let format = KnockoutFormat()
        let round1 = try #require(format.nextRounds(entrants: 5, played: []).first)
        #expect(round1 == Round(pairings: [Pairing(a: 3, b: 4)]))  // 0, 1 and 2 have byes
        let upset = PlayedRound(round: round1, matches: [PlayedMatch(pairing: Pairing(a: 3, b: 4), decision: .bWins)])
        let round2 = try #require(format.nextRounds(entrants: 5, played: [upset]).first)
        #expect(round2 == Round(pairings: [Pairing(a: 0, b: 4), Pairing(a: 1, b: 2)]))
        #expect(format.placement(entrants: 5, played: [upset]) == [2, 2, 2, 1, 2])
    }

    @Test("the standard seeding order")
    func seedingOrder() {
        #expect(KnockoutFormat.seedingOrder(size: 1) == [0])
        #expect(KnockoutFormat.seedingOrder(size: 2) == [0, 1])
        #expect(KnockoutFormat.seedingOrder(size: 4) == [0, 3, 1, 2])
        #expect(KnockoutFormat.seedingOrder(size: 8) == [0, 7, 3, 4, 1, 6, 2, 5])
    }
}
