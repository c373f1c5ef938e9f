import LeagueProtocol
import LeagueReferee
import Testing

/// `RefereeCore` turns missing joins, missing choices and refusals into technical losses, without drawing.
@Suite struct RefereeCoreTechnicalLossTests {
    /// Checks GAME_OVER to both and the report for a technical loss; returns the report.
    @discardableResult
    func expectTechnicalLoss(
        _ h: RefereeHarness, winner: String?, losers: Set<String>, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> MatchResultReport {
        let overs = try h.messages(GameOver.self, in: h.sent)
        #expect(overs.map(\.peer) == ["P01", "P02"], sourceLocation: sourceLocation)
        for (_, message) in overs {
            #expect(message.body.gameResult.status == .technicalLoss, sourceLocation: sourceLocation)
            #expect(message.body.gameResult.winnerPlayerID == winner, sourceLocation: sourceLocation)
            #expect(message.body.gameResult.drawnNumber == nil, "no number is drawn", sourceLocation: sourceLocation)
            #expect(message.body.gameResult.numberParity == nil, sourceLocation: sourceLocation)
        }
        let report = try #require(try h.messages(MatchResultReport.self, in: h.sent).first?.message.body, sourceLocation: sourceLocation)
        #expect(report.result.winner == winner, sourceLocation: sourceLocation)
        #expect(report.result.details.status == .technicalLoss, sourceLocation: sourceLocation)
        #expect(report.result.details.drawnNumber == nil, sourceLocation: sourceLocation)
        #expect(Set(report.result.details.technicalLosers) == losers, sourceLocation: sourceLocation)
        #expect(report.result.details.technicalLosers.count == losers.count, sourceLocation: sourceLocation)
        #expect(report.result.details.seed == h.assignment.seed, sourceLocation: sourceLocation)
        var expectedScore = ["P01": 0, "P02": 0]
        if let winner { expectedScore[winner] = 3 }
        #expect(report.result.score == expectedScore, sourceLocation: sourceLocation)
        #expect(h.sent.count == 3, sourceLocation: sourceLocation)
        return report
    }

    @Test(arguments: [("P01", "P02"), ("P02", "P01")])
    func missingJoinAckByTheDeadline(joined: String, silent: String) throws {
        let h = RefereeHarness()
        h.register()
        h.assign()
        h.join(joined)
        _ = h.drain()
        h.advance(milliseconds: RefereeHarness.joinMilliseconds - 1)
        #expect(h.sent.isEmpty, "not before the join deadline")
        h.advance(milliseconds: 1)
        let report = try expectTechnicalLoss(h, winner: joined, losers: [silent])
        #expect(report.result.details.choices.isEmpty)
        h.join(silent)
        #expect(h.sent.count == 3, "a late ack does not reopen the match")
    }

    @Test func bothMissingJoinAcks() throws {
        let h = RefereeHarness()
        h.register()
        h.assign()
        _ = h.drain()
        h.advance(milliseconds: RefereeHarness.joinMilliseconds)
        try expectTechnicalLoss(h, winner: nil, losers: ["P01", "P02"])
    }

    @Test(arguments: [("P01", "P02"), ("P02", "P01")])
    func missingChoiceByTheMoveDeadline(chose: String, silent: String) throws {
        let h = RefereeHarness()
        h.startChoosing()
        h.choose(chose, "even")
        h.advance(milliseconds: RefereeHarness.moveMilliseconds - 1)
        #expect(h.sent.isEmpty, "not before the move deadline")
        h.advance(milliseconds: 1)
        let report = try expectTechnicalLoss(h, winner: chose, losers: [silent])
        #expect(report.result.details.choices == [chose: "even"])
        h.choose(silent, "odd")
        #expect(h.sent.count == 3, "a late choice is ignored")
    }

    @Test func bothMissingChoices() throws {
        let h = RefereeHarness()
        h.startChoosing()
        h.advance(milliseconds: RefereeHarness.moveMilliseconds)
        try expectTechnicalLoss(h, winner: nil, losers: ["P01", "P02"])
    }

    @Test(arguments: [("P01", "P02"), ("P02", "P01")])
    func declinedInvitationIsAnImmediateTechnicalLoss(decliner: String, other: String) throws {
        let h = RefereeHarness()
        h.register()
        h.assign()
        _ = h.drain()
        h.join(decliner, accept: false)
        try expectTechnicalLoss(h, winner: other, losers: [decliner])
        #expect(h.sent.allSatisfy { $0.type != .chooseParityCall })
    }

    @Test func declineAfterTheOtherJoined() throws {
        let h = RefereeHarness()
        h.register()
        h.assign()
        h.join("P01")
        _ = h.drain()
        h.join("P02", accept: false)
        try expectTechnicalLoss(h, winner: "P01", losers: ["P02"])
    }

    @Test func technicalLossReportIsAlsoResentUntilAcknowledged() throws {
        let h = RefereeHarness()
        h.register()
        h.assign()
        h.advance(milliseconds: RefereeHarness.joinMilliseconds)
        let report = try #require(h.drain().last)
        #expect(report.type == .matchResultReport)
        h.advance(milliseconds: RefereeHarness.retryMilliseconds)
        #expect(h.drain() == [report])
        h.acknowledge()
        h.advance(milliseconds: RefereeHarness.retryMilliseconds)
        #expect(h.sent.isEmpty)
        #expect(h.core.completedMatches == 1)
    }
}
