import LeagueProtocol
import LeagueReferee
import Testing

/// `RefereeCore` driven through a whole match: registration, invitations, parity calls, secrecy of choices,
/// the seeded draw, GAME_OVER, and the MATCH_RESULT_REPORT resent until acknowledged.
@Suite struct RefereeCoreMatchFlowTests {
    @Test func registersWithTheManagerAndStopsRetrying() throws {
        let h = RefereeHarness()
        h.core.start(now: h.now)
        let request = try #require(h.drain().first)
        #expect(request.type == .refereeRegisterRequest)
        #expect(request.peer.isEmpty && request.token.isEmpty)
        #expect(try h.decode(RefereeRegisterRequest.self, request).body.refereeMeta.maxConcurrentMatches == 2)
        h.fromManager(RefereeRegisterResponse(status: .accepted, refereeID: RefereeHarness.refereeID, authToken: RefereeHarness.token))
        #expect(h.core.refereeID == RefereeHarness.refereeID)
        h.advance(milliseconds: 60_000)
        #expect(h.sent.isEmpty, "nothing but heartbeats, which this harness makes rare")
    }

    @Test func invitesBothPlayersWithTokenAndRoles() throws {
        let h = RefereeHarness()
        h.register()
        h.assign()
        let invitations = try h.messages(GameInvitation.self, in: h.sent)
        #expect(h.sent.count == 2)
        #expect(invitations.map(\.peer) == ["P01", "P02"])
        #expect(h.sent.allSatisfy { $0.token == Array(RefereeHarness.token.utf8) })
        for (peer, message) in invitations {
            #expect(message.body.matchID == "R3M2")
            #expect(message.body.leagueID == "L1")
            #expect(message.body.roundID == 3)
            #expect(message.body.gameType == evenOddGameType)
            #expect(message.body.roleInMatch == (peer == "P01" ? .playerA : .playerB))
            #expect(message.body.opponentID == (peer == "P01" ? "P02" : "P01"))
            #expect(message.envelope.sender == "referee:\(RefereeHarness.refereeID)")
            #expect(message.envelope.authToken == nil, "the token travels in the token frame only: the player must not see it")
            #expect(message.envelope.conversationID == "conv-R3M2")
        }
        #expect(h.core.nextDeadline == h.now + RefereeHarness.ns(milliseconds: RefereeHarness.joinMilliseconds))
    }

    @Test func assignmentIsAcknowledgedAndARepeatOnlyAcknowledgedAgain() {
        let h = RefereeHarness()
        h.register()
        let first = h.assign()
        #expect(first == MatchAssignmentAck(leagueID: "L1", matchID: "R3M2", leaseID: 1, accepted: true))
        _ = h.drain()
        let again = h.assign()
        #expect(again == first)
        #expect(h.sent.isEmpty, "no second set of invitations")
    }

    @Test func shuttingDownDeclinesAssignmentsAndKeepsReporting() throws {
        let h = RefereeHarness()
        h.startChoosing()
        h.choose("P01", "odd")
        h.choose("P02", "even")
        _ = h.drain()
        h.core.beginShutdown(now: h.now)
        #expect(!h.core.isDrained, "a result is still unacknowledged")
        var next = h.assignment
        next.matchID = "R4M1"
        h.fromManager(next, conversationID: "conv-R4M1")
        let declined = try #require(h.drain().first)
        #expect(try h.decode(MatchAssignmentAck.self, declined).body.accepted == false)
        h.advance(milliseconds: RefereeHarness.retryMilliseconds)
        #expect(h.drain().map(\.type) == [.matchResultReport])
        h.acknowledge()
        #expect(h.core.isDrained)
        h.core.leave(now: h.now)
        #expect(h.drain().map(\.type) == [.agentLeaving])
    }

    @Test func callsForParityOnlyOnceBothJoined() throws {
        let h = RefereeHarness()
        h.register()
        h.assign()
        _ = h.drain()
        h.join("P01")
        #expect(h.sent.isEmpty)
        h.join("P01")
        #expect(h.sent.isEmpty, "a repeated ack changes nothing")
        h.join("P02")
        let calls = try h.messages(ChooseParityCall.self, in: h.sent)
        #expect(h.sent.count == 2)
        #expect(calls.map(\.peer) == ["P01", "P02"])
        for (peer, message) in calls {
            #expect(message.body.playerID == peer)
            #expect(message.body.matchID == "R3M2")
            #expect(Timestamp.isValidUTC(message.body.deadline))
            #expect(message.body.deadline > message.envelope.timestamp, "the deadline lies ahead")
            #expect(message.body.context.opponentID == (peer == "P01" ? "P02" : "P01"))
            #expect(message.body.context.roundID == 3)
            #expect(message.body.context.yourStandings == (peer == "P01" ? h.assignment.playerAStandings : h.assignment.playerBStandings))
        }
        #expect(h.sent.allSatisfy { $0.token == Array(RefereeHarness.token.utf8) })
        #expect(h.core.nextDeadline == h.now + RefereeHarness.ns(milliseconds: RefereeHarness.moveMilliseconds))
    }

    @Test(arguments: [("P01", "P02"), ("P02", "P01")], ParityChoice.allCases)
    func firstChoiceIsNeverShownToTheOpponent(players: (String, String), choice: ParityChoice) throws {
        let (first, other) = players
        let h = RefereeHarness()
        h.register()
        h.assign()
        h.join("P01")
        h.join("P02")
        h.choose(first, choice.rawValue)
        // Nothing sent so far, to the opponent or anyone, reveals the choice.
        for wire in h.sent {
            let text = String(decoding: wire.body, as: UTF8.self)
            #expect(!text.contains("\"\(choice.rawValue)\""), "\(wire.type.rawValue) to \(wire.peerID) shows the choice")
            #expect(!text.contains("parity_choice") && !text.contains("\"choices\""))
        }
        let afterChoice = h.drain()
        #expect(afterChoice.filter { $0.type == .chooseParityCall }.count == 2)
        #expect(afterChoice.count == 4, "invitations and calls only")
        h.advance(milliseconds: RefereeHarness.moveMilliseconds - 1)
        #expect(h.sent.isEmpty, "nothing at all until the deadline")
        #expect(!h.sent.contains { $0.peerID == other })
    }

    @Test(arguments: [(ParityChoice.even, ParityChoice.odd), (.odd, .even), (.even, .even), (.odd, .odd)])
    func decidesWithTheAssignmentSeedAndReports(choiceA: ParityChoice, choiceB: ParityChoice) throws {
        let h = RefereeHarness()
        h.startChoosing()
        h.choose("P01", choiceA.rawValue)
        h.choose("P02", choiceB.rawValue)
        let number = h.expectedNumber
        let expected = EvenOddRules.decide(playerA: "P01", choiceA: choiceA, playerB: "P02", choiceB: choiceB, drawnNumber: number)

        let overs = try h.messages(GameOver.self, in: h.sent)
        #expect(overs.map(\.peer) == ["P01", "P02"])
        for (_, message) in overs {
            let result = message.body.gameResult
            #expect(result.drawnNumber == number)
            #expect(result.numberParity == ParityChoice(of: number))
            #expect(result.status == expected.status)
            #expect(result.winnerPlayerID == expected.winner)
            #expect(result.choices == ["P01": choiceA.rawValue, "P02": choiceB.rawValue])
        }
        let reports = try h.messages(MatchResultReport.self, in: h.sent)
        let report = try #require(reports.first)
        #expect(reports.count == 1)
        #expect(report.peer == "", "reports go to the manager")
        #expect(report.message.envelope.authToken == RefereeHarness.token, "the manager's own messages carry it in the JSON too")
        #expect(report.message.body.leaseID == 1)
        let result = report.message.body.result
        #expect(report.message.body.matchID == "R3M2")
        #expect(report.message.body.leagueID == "L1")
        #expect(report.message.body.roundID == 3)
        #expect(result.details.seed == h.assignment.seed)
        #expect(result.details.drawnNumber == number)
        #expect(result.details.status == expected.status)
        #expect(result.details.technicalLosers.isEmpty)
        #expect(result.winner == expected.winner)
        #expect(result.score == EvenOddRules.score(expected, playerA: "P01", playerB: "P02"))
        #expect(h.sent.count == 3)
    }

    @Test func reportIsResentUntilAcknowledged() throws {
        let h = RefereeHarness()
        h.startChoosing()
        h.choose("P01", "odd")
        h.choose("P02", "even")
        let report = try #require(h.drain().last)
        #expect(report.type == .matchResultReport)
        #expect(h.core.nextDeadline == h.now + RefereeHarness.ns(milliseconds: RefereeHarness.retryMilliseconds))

        h.advance(milliseconds: RefereeHarness.retryMilliseconds - 1)
        #expect(h.sent.isEmpty, "not before the retry interval")
        h.advance(milliseconds: 1)
        #expect(h.drain() == [report])
        h.advance(milliseconds: RefereeHarness.retryMilliseconds)
        #expect(h.drain() == [report])
        #expect(h.core.completedMatches == 0)

        h.acknowledge()
        #expect(h.sent.isEmpty)
        #expect(h.core.completedMatches == 1)
        h.advance(milliseconds: 10 * RefereeHarness.retryMilliseconds)
        #expect(h.sent.isEmpty, "no resend after the ack")

        h.acknowledge()
        #expect(h.core.completedMatches == 1, "a repeated ack counts once")
    }

    @Test func ackForAnotherMatchDoesNotStopResending() throws {
        let h = RefereeHarness()
        h.startChoosing()
        h.choose("P01", "odd")
        h.choose("P02", "odd")
        _ = h.drain()
        h.fromManager(MatchResultAck(leagueID: "L1", matchID: "R9M9", status: .accepted))
        h.fromManager(MatchResultAck(leagueID: "L2", matchID: "R3M2", status: .accepted))
        h.advance(milliseconds: RefereeHarness.retryMilliseconds)
        #expect(h.drain().map(\.type) == [.matchResultReport])
        #expect(h.core.completedMatches == 0)
    }

    @Test func lateMessagesAfterTheResultChangeNothing() throws {
        let h = RefereeHarness()
        h.startChoosing()
        h.choose("P01", "odd")
        h.choose("P02", "even")
        let decided = h.drain()
        h.choose("P01", "even")
        h.join("P02")
        #expect(h.sent.isEmpty)
        h.advance(milliseconds: RefereeHarness.retryMilliseconds)
        let resent = try #require(h.drain().first)
        #expect(resent == decided.last)
    }
}
