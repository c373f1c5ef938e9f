import LeagueManager
import Testing

/// Properties of the circle-method schedule for every league size from 2 to 33.
@Suite("RoundRobin")
struct RoundRobinTests {
    @Test("every pair meets exactly once, nobody plays twice in a round, byes only for odd N", arguments: 2...33)
    func validRoundRobin(count: Int) {
        let rounds = RoundRobin.rounds(count: count)
        #expect(rounds.count == (count % 2 == 0 ? count - 1 : count))
        var pairs: [Set<Int>: Int] = [:]
        var byes = Array(repeating: 0, count: count)
        for round in rounds {
            var seen = Set<Int>()
            for pairing in round {
                #expect(pairing.a != pairing.b)
                #expect((0..<count).contains(pairing.a) && (0..<count).contains(pairing.b))
                #expect(seen.insert(pairing.a).inserted, "player \(pairing.a) twice in a round")
                #expect(seen.insert(pairing.b).inserted, "player \(pairing.b) twice in a round")
                pairs[[pairing.a, pairing.b], default: 0] += 1
            }
            #expect(round.count == count / 2)
            for player in 0..<count where !seen.contains(player) { byes[player] += 1 }
        }
        #expect(pairs.count == count * (count - 1) / 2)
        #expect(pairs.values.allSatisfy { $0 == 1 })
        #expect(byes.allSatisfy { $0 == (count % 2 == 0 ? 0 : 1) })
    }

    @Test("sides are balanced: nobody is PLAYER_A more than about half the time", arguments: [4, 8, 9, 32])
    func balancedSides(count: Int) {
        var asA = Array(repeating: 0, count: count)
        for round in RoundRobin.rounds(count: count) { for pairing in round { asA[pairing.a] += 1 } }
        let games = count - 1
        #expect(asA.allSatisfy { abs($0 * 2 - games) <= games / 2 + 2 })
    }

    @Test("fewer than two players give no rounds")
    func degenerate() {
        #expect(RoundRobin.rounds(count: 0).isEmpty)
        #expect(RoundRobin.rounds(count: 1).isEmpty)
    }
}
