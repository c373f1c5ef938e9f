import LeagueProtocol
import LeagueReferee
import Testing

/// `RefereeCore` answers bad player messages with GAME_ERROR to that player and keeps the match going.
@Suite struct RefereeCoreInvalidInputTests {
    @Test(arguments: ["EVEN", "banana", "", "Odd", " even"])
    func invalidParityGetsE004AndTheMatchContinues(bad: String) throws {
        let h = RefereeHarness()
        h.startChoosing()
        h.choose("P01", bad)
        let errors = try h.messages(GameError.self, in: h.sent)
        #expect(h.sent.count == 1)
        let error = try #require(errors.first)
        #expect(error.peer == "P01")
        #expect(error.message.body.errorCode == .invalidParityChoice)
        #expect(error.message.body.errorCode.rawValue == "E004")
        #expect(error.message.body.matchID == "R3M2")
        #expect(error.message.body.affectedPlayer == "P01")
        _ = h.drain()

        h.advance(milliseconds: RefereeHarness.moveMilliseconds / 2)
        #expect(h.sent.isEmpty, "still waiting for a valid choice")
        h.choose("P01", "odd")
        #expect(h.sent.isEmpty)
        h.choose("P02", "odd")
        let over = try #require(try h.messages(GameOver.self, in: h.sent).first?.message.body.gameResult)
        #expect(over.status == .draw)
        #expect(over.choices == ["P01": "odd", "P02": "odd"])
    }

    @Test func invalidParityThenSilenceIsATechnicalLoss() throws {
        let h = RefereeHarness()
        h.startChoosing()
        h.choose("P02", "banana")
        h.choose("P01", "even")
        _ = h.drain()
        h.advance(milliseconds: RefereeHarness.moveMilliseconds)
        let report = try #require(try h.messages(MatchResultReport.self, in: h.sent).first?.message.body)
        #expect(report.result.winner == "P01")
        #expect(report.result.details.technicalLosers == ["P02"])
    }

    @Test func joinAckWithAnotherPlayersIDIsRejected() throws {
        let h = RefereeHarness()
        h.register()
        h.assign()
        _ = h.drain()
        h.join("P02", playerID: "P01")  // P02 pretends to be P01
        let error = try #require(try h.messages(GameError.self, in: h.sent).first)
        #expect(h.sent.count == 1)
        #expect(error.peer == "P02")
        #expect(error.message.body.errorCode == .invalidFieldValue)
        #expect(h.core.rejectedMessages == 1)
        _ = h.drain()
        // P01 is not counted as joined: once the real P01 and P02 ack, the match proceeds normally.
        h.join("P02")
        #expect(h.sent.isEmpty)
        h.join("P01")
        #expect(h.sent.filter { $0.type == .chooseParityCall }.count == 2)
    }

    @Test func choiceWithAnotherPlayersIDIsRejected() throws {
        let h = RefereeHarness()
        h.startChoosing()
        h.choose("P01", "even", playerID: "P02")
        let error = try #require(try h.messages(GameError.self, in: h.sent).first)
        #expect(error.peer == "P01")
        #expect(h.core.rejectedMessages == 1)
        _ = h.drain()
        h.choose("P01", "odd")
        h.choose("P02", "odd")
        let over = try #require(try h.messages(GameOver.self, in: h.sent).first?.message.body.gameResult)
        #expect(over.choices == ["P01": "odd", "P02": "odd"], "the forged choice was not recorded for P02")
    }

    @Test func messagesForAnUnknownMatchAreRejected() throws {
        let h = RefereeHarness()
        h.register()
        h.assign()
        _ = h.drain()
        h.join("P01", matchID: "R9M9")
        h.choose("P02", "even", matchID: "R9M9")
        let errors = try h.messages(GameError.self, in: h.sent)
        #expect(errors.map(\.peer) == ["P01", "P02"])
        #expect(errors.allSatisfy { $0.message.body.errorCode == .matchNotFound })
        #expect(h.core.rejectedMessages == 2)
        #expect(h.sent.count == 2)
    }

    @Test func playerOutsideTheMatchIsRejected() throws {
        let h = RefereeHarness()
        h.register()
        h.assign()
        _ = h.drain()
        h.join("P03")
        let error = try #require(try h.messages(GameError.self, in: h.sent).first)
        #expect(error.peer == "P03")
        #expect(h.core.rejectedMessages == 1)
    }

    @Test func undecodableBodyFromAPlayerIsRejected() throws {
        let h = RefereeHarness()
        h.register()
        h.assign()
        _ = h.drain()
        h.core.receive(WireMessage(type: .gameJoinAck, peer: Array("P01".utf8), body: Array("{oops".utf8)).frames, now: h.now)
        let error = try #require(try h.messages(GameError.self, in: h.sent).first)
        #expect(error.peer == "P01")
        #expect(error.message.body.errorCode == .invalidJSON)
        #expect(h.core.rejectedMessages == 1)
    }

    @Test func malformedFramesAreCountedWithoutReply() {
        let h = RefereeHarness()
        h.register()
        h.core.receive([], now: h.now)
        h.core.receive([Array("league.v1".utf8), [], [], [], []], now: h.now)
        h.core.receive(WireMessage(type: .gameInvitation, body: Array("{}".utf8)).frames, now: h.now)
        #expect(h.core.rejectedMessages == 3)
        #expect(h.sent.isEmpty)
    }
}
