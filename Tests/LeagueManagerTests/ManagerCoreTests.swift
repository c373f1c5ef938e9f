import LeagueManager
import LeagueProtocol
import LeagueTestSupport
import Testing

/// The manager's logic driven directly: registration, tokens, routing rules, results, errors, queries.
@Suite("ManagerCore")
struct ManagerCoreTests {
    @Test("registration assigns ids in order and distinct tokens; re-registering keeps the id with a new token")
    func registration() throws {
        let harness = try ManagerHarness()
        let first = harness.registerPlayer("ann")
        let second = harness.registerPlayer("bob")
        let referee = harness.registerReferee("ref-a")
        #expect(first.id == "P01")
        #expect(second.id == "P02")
        #expect(referee.id == "REF01")
        #expect(Set([first.token, second.token, referee.token]).count == 3)
        let same = harness.registerPlayer("ann")
        #expect(same.id == "P01", "the same connection may register again")
        #expect(same.token != first.token)
        #expect(harness.registerPlayer("ann", identity: "impostor").id == "", "a live agent's name is not free")
        let proven = harness.registerPlayer("ann", identity: "ann-reconnected", token: same.token)
        #expect(proven.id == "P01", "another connection may take over with the current token")
        let later = harness.now + 3_000_000_000 + 1  // three silent 1 s heartbeat intervals
        harness.core.tick(now: later)
        #expect(
            harness.registerPlayer("ann", identity: "ann-restarted", now: later).id == "P01", "after it is declared dead the name is free")
        #expect(harness.core.stats.reconnects == 3)
        #expect(harness.core.stats.heartbeatMisses["player"] == 2)
    }

    @Test("tokens are checked on the token frame: missing E011, wrong E012, unregistered E005")
    func authentication() throws {
        let harness = try ManagerHarness()
        let ann = harness.registerPlayer("ann")
        let referee = harness.registerReferee("ref")
        let ack = GameJoinAck(matchID: "R1M1", playerID: ann.id, accept: true)
        #expect(ManagerHarness.errorCode(harness.deliver("ann", harness.message(ack, peer: referee.id))) == .authTokenMissing)
        #expect(
            ManagerHarness.errorCode(harness.deliver("ann", harness.message(ack, peer: referee.id, token: "tok_wrong")))
                == .authTokenInvalid)
        #expect(
            ManagerHarness.errorCode(harness.deliver("stranger", harness.message(ack, peer: referee.id, token: ann.token)))
                == .playerNotRegistered)
        let oldToken = ann.token
        _ = harness.registerPlayer("ann")
        #expect(
            ManagerHarness.errorCode(harness.deliver("ann", harness.message(ack, peer: referee.id, token: oldToken))) == .authTokenInvalid)
    }

    @Test("START_LEAGUE is validated")
    func startValidation() throws {
        let harness = try ManagerHarness()
        #expect(ManagerHarness.errorCode(harness.deliver("op", harness.message(StartLeague(playerCount: 1)))) == .invalidFieldValue)
        #expect(
            ManagerHarness.errorCode(harness.deliver("op", harness.message(StartLeague(playerCount: 4, gameType: "chess"))))
                == .invalidFieldValue)
        #expect(
            ManagerHarness.errorCode(harness.deliver("op", harness.message(StartLeague(playerCount: 4), token: "tok_nobody")))
                == .authTokenInvalid)
        let accepted = harness.deliver("op", harness.message(StartLeague(playerCount: 2, seed: 9)))
        let response = accepted.first.flatMap { LeagueFrames.decode(StartLeagueResponse.self, $0.frames) }
        #expect(response?.status == .accepted)
        #expect(response?.leagueID == "league-1")
        #expect(response?.seed == 9)
    }

    @Test("with an operator token, START_LEAGUE needs it")
    func operatorToken() throws {
        let harness = try ManagerHarness(policy: ManagerPolicy(operatorToken: "s3cret"))
        #expect(ManagerHarness.errorCode(harness.deliver("op", harness.message(StartLeague(playerCount: 2)))) == .authTokenMissing)
        #expect(
            ManagerHarness.errorCode(harness.deliver("op", harness.message(StartLeague(playerCount: 2), token: "guess")))
                == .authTokenInvalid)
        let accepted = harness.deliver("op", harness.message(StartLeague(playerCount: 2), token: "s3cret"))
        #expect(accepted.first.flatMap { LeagueFrames.decode(StartLeagueResponse.self, $0.frames) }?.status == .accepted)
    }

    @Test("a two-player league: lease, routing both ways, result, standings and completion")
    func twoPlayerLeague() throws {
        let harness = try ManagerHarness()
        let referee = harness.registerReferee("ref", capacity: 1)
        let ann = harness.registerPlayer("ann")
        let bob = harness.registerPlayer("bob")
        harness.deliver("op", harness.message(StartLeague(playerCount: 2, seed: 5)))
        let assignment = try #require(harness.received(MatchAssignment.self, by: "ref").first)
        #expect(assignment.matchID == "R1M1")
        #expect(Set([assignment.playerAID, assignment.playerBID]) == [ann.id, bob.id])
        #expect(assignment.seed == SeededGenerator.derive(5, "R1M1"))
        #expect(harness.received(RoundAnnouncement.self, by: "op").map(\.roundID) == [1])

        // Referee → player: forwarded with the referee's id as peer and no token.
        let invitation = GameInvitation(leagueID: "league-1", roundID: 1, matchID: "R1M1", roleInMatch: .playerA, opponentID: bob.id)
        let forwarded = harness.deliver("ref", harness.message(invitation, peer: ann.id, token: referee.token))
        #expect(forwarded.count == 1)
        #expect(forwarded.first?.identity == "ann")
        #expect(forwarded.first?.frames[2] == Array(referee.id.utf8))
        #expect(forwarded.first?.frames[3] == [])
        // Player → referee.
        let ack = GameJoinAck(matchID: "R1M1", playerID: ann.id, accept: true)
        #expect(harness.deliver("ann", harness.message(ack, peer: referee.id, token: ann.token)).first?.identity == "ref")
        // A move to a referee that does not hold the sender's match is refused.
        let otherReferee = harness.registerReferee("ref-other", capacity: 1)
        let move = ChooseParityResponse(matchID: "R1M1", playerID: ann.id, parityChoice: "even")
        #expect(
            ManagerHarness.errorCode(harness.deliver("ann", harness.message(move, peer: otherReferee.id, token: ann.token))) == .notInMatch)
        #expect(ManagerHarness.errorCode(harness.deliver("ann", harness.message(move, peer: "REF99", token: ann.token))) == .notInMatch)
        // Player → player is never routed.
        #expect(ManagerHarness.errorCode(harness.deliver("ann", harness.message(ack, peer: bob.id, token: ann.token))) == .notInMatch)
        #expect(harness.core.stats.routed == 2)

        let report = MatchResultReport(
            leagueID: "league-1", roundID: 1, matchID: "R1M1",
            result: .init(
                winner: ann.id, score: [ann.id: 3, bob.id: 0],
                details: .init(
                    status: .win, drawnNumber: 4, choices: [ann.id: "even", bob.id: "odd"], seed: assignment.seed, reason: "4 is even")))
        let replies = harness.deliver("ref", harness.message(report, token: referee.token))
        #expect(replies.compactMap { LeagueFrames.decode(MatchResultAck.self, $0.frames) }.first?.status == .accepted)
        let completed = try #require(harness.received(LeagueCompleted.self, by: "op").first)
        #expect(completed.champion?.playerID == ann.id)
        #expect(completed.finalStandings.map(\.points) == [3, 0])
        #expect(harness.received(RoundCompleted.self, by: "ann").first?.nextRoundID == nil)
        #expect(harness.received(LeagueStandingsUpdate.self, by: "bob").first?.standings.first?.playerID == ann.id)
        #expect(harness.received(LeagueCompleted.self, by: "ref").count == 1)

        // The same report again: acknowledged as a duplicate, counted once.
        let duplicate = harness.deliver("ref", harness.message(report, token: referee.token))
        #expect(duplicate.compactMap { LeagueFrames.decode(MatchResultAck.self, $0.frames) }.first?.status == .rejected)
        #expect(harness.core.stats.duplicateResults == 1)
        #expect(harness.core.stats.matchesFinished == 1)
        // After the match the pair shares nothing: routing is refused.
        #expect(
            ManagerHarness.errorCode(harness.deliver("ref", harness.message(invitation, peer: ann.id, token: referee.token))) == .notInMatch
        )
    }

    @Test("results from a referee that does not hold the match, or inconsistent ones, are rejected")
    func rejectedResults() throws {
        let harness = try ManagerHarness()
        let holder = harness.registerReferee("ref-a", capacity: 1)
        let other = harness.registerReferee("ref-b", capacity: 1)
        let ann = harness.registerPlayer("ann")
        let bob = harness.registerPlayer("bob")
        harness.deliver("op", harness.message(StartLeague(playerCount: 2, seed: 1)))
        let leasedTo = harness.received(MatchAssignment.self, by: "ref-a").isEmpty ? ("ref-b", other) : ("ref-a", holder)
        let notHolder = leasedTo.0 == "ref-a" ? ("ref-b", other) : ("ref-a", holder)
        func report(winner: String?, status: GameResultStatus, losers: [String] = []) -> MatchResultReport {
            MatchResultReport(
                leagueID: "league-1", roundID: 1, matchID: "R1M1",
                result: .init(
                    winner: winner, score: [:],
                    details: .init(
                        status: status, drawnNumber: status == .win ? 3 : nil, choices: [:], seed: 0, reason: "test",
                        technicalLosers: losers)))
        }
        #expect(
            ManagerHarness.errorCode(
                harness.deliver(notHolder.0, harness.message(report(winner: ann.id, status: .win), token: notHolder.1.token)))
                == .resultRejected)
        #expect(
            ManagerHarness.errorCode(
                harness.deliver(leasedTo.0, harness.message(report(winner: "P99", status: .win), token: leasedTo.1.token)))
                == .invalidFieldValue)
        #expect(
            ManagerHarness.errorCode(
                harness.deliver(leasedTo.0, harness.message(report(winner: ann.id, status: .draw), token: leasedTo.1.token)))
                == .invalidFieldValue)
        #expect(
            ManagerHarness.errorCode(
                harness.deliver(
                    leasedTo.0, harness.message(report(winner: ann.id, status: .technicalLoss, losers: [ann.id]), token: leasedTo.1.token)))
                == .invalidFieldValue)
        var unknownMatch = report(winner: ann.id, status: .win)
        unknownMatch.matchID = "R9M9"
        #expect(
            ManagerHarness.errorCode(harness.deliver(leasedTo.0, harness.message(unknownMatch, token: leasedTo.1.token))) == .matchNotFound)
        var unknownLeague = report(winner: ann.id, status: .win)
        unknownLeague.leagueID = "league-42"
        #expect(
            ManagerHarness.errorCode(harness.deliver(leasedTo.0, harness.message(unknownLeague, token: leasedTo.1.token)))
                == .leagueNotFound)
        #expect(
            ManagerHarness.errorCode(harness.deliver("ann", harness.message(report(winner: ann.id, status: .win), token: ann.token)))
                == .resultRejected)
        // A technical loss for bob is a win for ann.
        let valid = harness.deliver(
            leasedTo.0, harness.message(report(winner: ann.id, status: .technicalLoss, losers: [bob.id]), token: leasedTo.1.token))
        #expect(valid.compactMap { LeagueFrames.decode(MatchResultAck.self, $0.frames) }.first?.status == .accepted)
        #expect(harness.core.stats.matchesFinished == 1)
    }

    @Test("garbage gets a LEAGUE_ERROR with the right code, is counted, and the manager keeps serving")
    func garbage() throws {
        let harness = try ManagerHarness()
        let cases: [([[UInt8]], ErrorCode)] = [
            ([Array("hello".utf8)], .malformedFrames),
            ([], .malformedFrames),
            (LeagueFrames.frames("LEAGUE_REGISTER_REQUEST", body: "{not json"), .invalidJSON),
            (LeagueFrames.frames("NO_SUCH_TYPE", body: "{}"), .unknownMessageType),
            (LeagueFrames.frames("LEAGUE_ERROR", body: LeagueFrames.json("LEAGUE_ERROR")), .unknownMessageType),
            (LeagueFrames.frames("LEAGUE_REGISTER_REQUEST", body: LeagueFrames.json("LEAGUE_REGISTER_REQUEST")), .missingRequiredField),
            (
                LeagueFrames.frames(
                    "LEAGUE_REGISTER_REQUEST",
                    body: LeagueFrames.json(
                        "LEAGUE_REGISTER_REQUEST",
                        fields: ["player_meta": #"{"display_name":"x","version":"1","game_types":["even_odd"],"protocol_version":"1.0.0"}"#]
                    )), .protocolVersionMismatch
            ),
            ([Array("league.v1".utf8), [], [], [], []], .protocolVersionMismatch),
            (
                LeagueFrames.frames(
                    "LEAGUE_QUERY",
                    body:
                        #"{"protocol":"league.v2","message_type":"LEAGUE_QUERY","sender":"x","timestamp":"2026-11-28T10:00:00+02:00","conversation_id":"c","query_type":"GET_STANDINGS"}"#
                ), .invalidTimestamp
            ),
            (
                LeagueFrames.frames("START_LEAGUE", body: LeagueFrames.json("START_LEAGUE", fields: ["player_count": "\"four\""])),
                .invalidFieldValue
            ),
            (
                LeagueFrames.frames("LEAGUE_REGISTER_REQUEST", body: String(repeating: " ", count: WireMessage.maxBodySize + 1)),
                .messageTooLarge
            ),
            (LeagueFrames.frames("GAME_JOIN_ACK", peer: "REF01", body: "{}"), .playerNotRegistered),
        ]
        for (frames, code) in cases {
            let replies = harness.deliver("garbage", frames)
            #expect(replies.count == 1)
            #expect(ManagerHarness.errorCode(replies) == code, "frames \(frames.map(\.count)) should give \(code.rawValue)")
        }
        #expect(harness.core.stats.totalErrors == cases.count)
        #expect(harness.registerPlayer("still-serving").id == "P01")
    }

    @Test("queries answer standings, schedule, next match, player stats and the whole league")
    func queries() throws {
        let harness = try ManagerHarness()
        let ann = harness.registerPlayer("ann")
        _ = harness.registerPlayer("bob")
        _ = harness.registerPlayer("cy")
        harness.deliver("op", harness.message(StartLeague(playerCount: 3, seed: 2)))
        func ask<Data: Codable & Sendable & Hashable>(_ type: QueryType, _ as: Data.Type, player: String? = nil, league: String? = nil)
            -> LeagueQueryResponse<Data>?
        {
            let replies = harness.deliver(
                "op", harness.message(LeagueQuery(queryType: type, queryParams: .init(leagueID: league, playerID: player))))
            return replies.first.flatMap { LeagueFrames.decode(LeagueQueryResponse<Data>.self, $0.frames) }
        }
        #expect(ask(.standings, QueryData.Standings.self)?.data?.standings.count == 3)
        let schedule = try #require(ask(.schedule, QueryData.Schedule.self)?.data)
        #expect(schedule.rounds.count == 3)
        #expect(schedule.rounds.flatMap(\.matches).count == 3)
        let next = try #require(ask(.nextMatch, QueryData.NextMatch.self, player: ann.id)?.data)
        #expect(next.status == "pending")
        #expect(ask(.playerStats, StandingRow.self, player: ann.id)?.data?.played == 0)
        let league = try #require(ask(.league, LeagueReport.self)?.data)
        #expect(league.status == .running)
        #expect(league.matchesTotal == 3)
        let missing = ask(.standings, QueryData.Standings.self, league: "league-77")
        #expect(missing?.success == false)
        #expect(missing?.error?.contains("E106") == true)
    }

    @Test("with one referee of capacity one, matches run one at a time and nobody plays two at once")
    func capacity() throws {
        let harness = try ManagerHarness()
        let referee = harness.registerReferee("ref", capacity: 1)
        for name in ["a", "b", "c", "d"] { _ = harness.registerPlayer(name) }
        harness.deliver("op", harness.message(StartLeague(playerCount: 4, seed: 3)))
        var finished = 0
        while let assignment = harness.received(MatchAssignment.self, by: "ref").dropFirst(finished).first {
            #expect(harness.received(MatchAssignment.self, by: "ref").count == finished + 1, "only one match leased at a time")
            let report = MatchResultReport(
                leagueID: assignment.leagueID, roundID: assignment.roundID, matchID: assignment.matchID,
                result: .init(
                    winner: nil, score: [:],
                    details: .init(status: .draw, drawnNumber: 2, choices: [:], seed: assignment.seed, reason: "draw")))
            harness.deliver("ref", harness.message(report, token: referee.token))
            finished += 1
        }
        #expect(finished == 6)
        #expect(harness.core.stats.leaguesCompleted == 1)
    }
}
