import LeagueFormats
import Testing

/// One runner against everyone else.
@Suite("Gauntlet")
struct GauntletTests {
    @Test("N − 1 one-match rounds, all with the runner, each other entrant once in seed order, seats alternating", arguments: 2...33)
    func gauntlet(entrants: Int) {
        for runner in Set([0, entrants / 2, entrants - 1]) {
            let played = Simulation.run(GauntletFormat(runner: runner), entrants: entrants)
            #expect(played.count == entrants - 1 && played.allSatisfy { $0.round.pairings.count == 1 && $0.round.bye == nil })
            let pairings = played.flatMap(\.round.pairings)
            #expect(pairings.allSatisfy { $0.players.contains(runner) })
            #expect(pairings.map { $0.a == runner ? $0.b : $0.a } == (0..<entrants).filter { $0 != runner })
            #expect(pairings.enumerated().allSatisfy { index, pairing in (pairing.a == runner) == (index % 2 == 0) })
        }
    }

    @Test("a runner who is not an entrant plays nothing")
    func runnerOutOfRange() {
        #expect(GauntletFormat(runner: 4).nextRounds(entrants: 4, played: []).isEmpty)
        #expect(GauntletFormat(runner: -1).totalRounds(entrants: 4) == 0)
    }
}
