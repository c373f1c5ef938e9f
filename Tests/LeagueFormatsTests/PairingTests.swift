import LeagueFormats
import Testing

@Suite("Pairings")
struct PairingTests {
    @Test("a round keeps its pairings and bye")
    func round() {
        let round = Round(pairings: [Pairing(a: 0, b: 1)], bye: 2)
        #expect(round.pairings.count == 1 && round.bye == 2)
    }
}
