import LeagueFormats
import Testing

@Suite("Pairings")
struct PairingTests {
    @Test("a round keeps its pairings and byes")
    func round() {
        let round = Round(pairings: [Pairing(a: 0, b: 1)], byes: [2])
        #expect(round.pairings.count == 1 && round.byes == [2])
        #expect(Round(pairings: []).byes.isEmpty)
    }
}
