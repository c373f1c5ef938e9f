import LeagueFormats
import LeagueProtocol
import Testing

/// Swiss leagues of every size from 2 to 33 and several lengths, driven with seeded results.
@Suite("Swiss")
struct SwissTests {
    @Test("no rematch; byes only for odd N, one a round, at most one each, to the lowest ranked without one", arguments: 2...33)
    func pairingRules(entrants: Int) {
        for rounds in Simulation.swissRoundCounts(entrants: entrants) {
            for seed: UInt64 in 1...4 {
                let played = Simulation.run(SwissFormat(rounds: rounds), entrants: entrants, seed: seed)
                #expect(played.count == rounds)
                let pairs = played.flatMap(\.round.pairings).map(\.players)
                #expect(Set(pairs).count == pairs.count, "a rematch: \(entrants) entrants, \(rounds) rounds, seed \(seed)")
                let byes = played.compactMap(\.round.bye)
                #expect(Set(byes).count == byes.count, "a second bye")
                for (index, round) in played.enumerated() {
                    #expect((round.round.bye != nil) == (entrants % 2 == 1), "round \(index) bye \(String(describing: round.round.bye))")
                    #expect(round.round.pairings.count == entrants / 2)
                    guard let bye = round.round.bye else { continue }
                    let ranking = Self.ranking(entrants: entrants, played: Array(played.prefix(index)))
                    let hadBye = Set(played.prefix(index).compactMap(\.round.bye))
                    #expect(bye == ranking.last { !hadBye.contains($0) }, "round \(index): bye to \(bye)")
                }
            }
        }
    }

    @Test("round 1 pairs the top half against the bottom half; an odd bottom seed sits out with a bye", arguments: 2...33)
    func firstRound(entrants: Int) throws {
        let round = try #require(SwissFormat(rounds: 1).nextRounds(entrants: entrants, played: []).first)
        let playing = entrants - entrants % 2
        let half = playing / 2
        #expect(round.pairings.map(\.players) == (0..<half).map { [$0, $0 + half] })
        #expect(round.bye == (entrants % 2 == 1 ? entrants - 1 : nil))
        // Seats alternate by board: the higher seed is PLAYER_A on boards 1, 3, 5, …
        #expect(round.pairings.enumerated().allSatisfy { board, pairing in (pairing.a < pairing.b) == (board % 2 == 0) })
    }

    @Test("later rounds pair by score: with favourites winning, winners meet winners")
    func scoreGroups() {
        let played = Simulation.run(SwissFormat(rounds: 3), entrants: 8, decide: Simulation.favouritesWin)
        #expect(
            played.map { $0.round.pairings.map(\.players) } == [
                [[0, 4], [1, 5], [2, 6], [3, 7]],
                [[0, 1], [2, 3], [4, 5], [6, 7]],
                [[0, 2], [1, 3], [4, 6], [5, 7]],
            ])
    }

    @Test("a pairing that would repeat a match moves down the ranking")
    func avoidsRematch() throws {
        // Round 1 (4 entrants): 0–2 drawn, 1–3 both lost. Ranking: 0, 2 (1 point each), 1, 3 (none).
        let format = SwissFormat(rounds: 2)
        let round1 = try #require(format.nextRounds(entrants: 4, played: []).first)
        #expect(round1.pairings.map(\.players) == [[0, 2], [1, 3]])
        let results = round1.pairings.map { PlayedMatch(pairing: $0, decision: $0.players == [0, 2] ? .draw : .bothLost) }
        let round2 = try #require(format.nextRounds(entrants: 4, played: [PlayedRound(round: round1, matches: results)]).first)
        // 0 may not meet 2 again, so 0 meets 1, and 2 meets 3.
        #expect(round2.pairings.map(\.players) == [[0, 1], [2, 3]])
        #expect(round2.bye == nil)
    }

    @Test("odd count: the bye goes to the lowest ranked who has not had one")
    func byeOrder() throws {
        // Round 1 (5 entrants): 4 has the bye; 0 beats 2, 3 beats 1. Ranking: 0, 3, 4 (3 points), 1, 2.
        let format = SwissFormat(rounds: 2)
        let round1 = try #require(format.nextRounds(entrants: 5, played: []).first)
        #expect(round1.pairings.map(\.players) == [[0, 2], [1, 3]] && round1.bye == 4)
        let results = round1.pairings.map { pairing in
            let winner = pairing.players == [0, 2] ? 0 : 3
            return PlayedMatch(pairing: pairing, decision: pairing.a == winner ? .aWins : .bWins)
        }
        let round2 = try #require(format.nextRounds(entrants: 5, played: [PlayedRound(round: round1, matches: results)]).first)
        #expect(round2.bye == 2)
        #expect(round2.pairings.map(\.players) == [[0, 3], [1, 4]])
    }

    @Test("seats: whoever has been PLAYER_A less often is PLAYER_A; on a tie, whoever was PLAYER_B last", arguments: 2...33)
    func seatBalance(entrants: Int) {
        let rounds = SwissFormat.maximumRounds(entrants: entrants)
        let played = Simulation.run(SwissFormat(rounds: rounds), entrants: entrants, seed: 3)
        var balance = Array(repeating: 0, count: entrants)  // times PLAYER_A minus times PLAYER_B
        var lastWasA: [Bool?] = Array(repeating: nil, count: entrants)
        for round in played {
            for pairing in round.round.pairings {
                let (a, b) = (pairing.a, pairing.b)
                #expect(balance[a] <= balance[b], "\(a) (balance \(balance[a])) is A against \(b) (\(balance[b]))")
                if balance[a] == balance[b], let aWasA = lastWasA[a], let bWasA = lastWasA[b], aWasA != bWasA {
                    #expect(!aWasA, "\(a) was A last and is A again against \(b), who was B")
                }
            }
            for pairing in round.round.pairings {
                balance[pairing.a] += 1
                balance[pairing.b] -= 1
                lastWasA[pairing.a] = true
                lastWasA[pairing.b] = false
            }
        }
    }

    @Test("the allowed length is at most half the entrants")
    func maximumRounds() {
        #expect((2...9).map { SwissFormat.maximumRounds(entrants: $0) } == [1, 1, 2, 2, 3, 3, 4, 4])
        #expect(SwissFormat.maximumRounds(entrants: 1) == 0)
        #expect(SwissFormat(rounds: 3).totalMatches(entrants: 7) == 9)
    }

    /// The Swiss ranking after `played`, worked out here: 3 a win or bye, 1 a draw; then seed.
    static func ranking(entrants: Int, played: [PlayedRound]) -> [Int] {
        var points = Array(repeating: 0, count: entrants)
        for round in played {
            if let bye = round.round.bye { points[bye] += 3 }
            for match in round.matches {
                switch match.decision {
                case .aWins: points[match.pairing.a] += 3
                case .bWins: points[match.pairing.b] += 3
                case .draw:
                    points[match.pairing.a] += 1
                    points[match.pairing.b] += 1
                case .bothLost: break
                }
            }
        }
        return (0..<entrants).sorted { (-points[$0], $0) < (-points[$1], $1) }
    }
}
