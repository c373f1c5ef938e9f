import LeagueProtocol
import Testing

@testable import LeagueReferee

/// A referee that registers again while it still holds a result.
@Suite("Referee reconnect")
struct RefereeReconnectTests {
    @Test("on registering again it sends both players their GAME_OVER again, then the result")
    func resendsGameOverBeforeTheResult() throws {
        let h = RefereeHarness()
        h.startChoosing()
        h.choose("P01", "odd")
        h.choose("P02", "even")
        let first = h.drain()
        let gameOvers = first.filter { $0.type == .gameOver }
        #expect(gameOvers.count == 2)
        // The manager came back and the referee registered again, result unacknowledged.
        h.fromManager(
            RefereeRegisterResponse(status: .accepted, refereeID: RefereeHarness.refereeID, authToken: "tok-new"),
            conversationID: "conv-register-REF")
        let again = h.drain()
        #expect(again.map(\.type) == [.gameOver, .gameOver, .matchResultReport])
        #expect(Set(again.prefix(2).map(\.peerID)) == ["P01", "P02"])
        let resent = try again.prefix(2).map { try h.decode(GameOver.self, $0).body }
        #expect(resent == (try gameOvers.map { try h.decode(GameOver.self, $0).body }), "the same result")
        #expect(again.last?.token == Array("tok-new".utf8))
    }
}
