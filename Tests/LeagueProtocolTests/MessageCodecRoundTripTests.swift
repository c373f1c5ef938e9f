import Foundation
import LeagueProtocol
import Testing

/// Every message body type survives `MessageCodec` encode → decode with envelope and body intact, and the
/// JSON uses league.v2's field names.
@Suite struct MessageCodecRoundTripTests {
    let codec = MessageCodec()

    /// Encodes `body` under `envelope`, decodes it back, checks equality, and returns the JSON object.
    @discardableResult
    func roundTrip<Body: MessageBody & Hashable>(
        _ body: Body, envelope: Envelope, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [String: Any] {
        let bytes = codec.encode(Message(envelope: envelope, body: body))
        let decoded = try codec.decode(Body.self, from: bytes)
        #expect(decoded.envelope == envelope, sourceLocation: sourceLocation)
        #expect(decoded.body == body, sourceLocation: sourceLocation)
        let object = try #require(ProtocolFixtures.object(bytes), sourceLocation: sourceLocation)
        #expect(object["protocol"] as? String == "league.v2", sourceLocation: sourceLocation)
        #expect(object["message_type"] as? String == Body.messageType.rawValue, sourceLocation: sourceLocation)
        #expect(object["sender"] as? String == envelope.sender, sourceLocation: sourceLocation)
        #expect(object["timestamp"] as? String == envelope.timestamp, sourceLocation: sourceLocation)
        #expect(object["conversation_id"] as? String == envelope.conversationID, sourceLocation: sourceLocation)
        return object
    }

    @Test func envelopeAuthTokenIsWrittenOnlyWhenSet() throws {
        let body = GameJoinAck(matchID: "R1M1", playerID: "P01", arrivalTimestamp: ProtocolFixtures.timestamp, accept: true)
        let signed = try roundTrip(
            body, envelope: ProtocolFixtures.envelope(for: GameJoinAck.self, sender: "player:P01", authToken: "tok-P01"))
        #expect(signed["auth_token"] as? String == "tok-P01")
        let unsigned = try roundTrip(body, envelope: ProtocolFixtures.envelope(for: GameJoinAck.self, sender: "player:P01"))
        #expect(unsigned["auth_token"] == nil)
    }

    @Test func refereeRegisterRequest() throws {
        let body = RefereeRegisterRequest(
            refereeMeta: .init(
                displayName: "REF01", version: "1.0.0", gameTypes: ["even_odd"], contactEndpoint: "tcp://127.0.0.1:1",
                maxConcurrentMatches: 4))
        let object = try roundTrip(body, envelope: ProtocolFixtures.envelope(for: RefereeRegisterRequest.self, sender: "referee:REF01"))
        let meta = try #require(object["referee_meta"] as? [String: Any])
        #expect(meta["display_name"] as? String == "REF01")
        #expect(meta["max_concurrent_matches"] as? Int == 4)
        #expect(meta["game_types"] as? [String] == ["even_odd"])
        #expect(meta["contact_endpoint"] as? String == "tcp://127.0.0.1:1")
    }

    /// The manager sends registration responses without signing them (its envelope has no token); the token
    /// it issues is the body's `auth_token`.
    @Test func refereeRegisterResponse() throws {
        let accepted = RefereeRegisterResponse(status: .accepted, refereeID: "REF01", authToken: "tok-ref")
        let object = try roundTrip(accepted, envelope: ProtocolFixtures.envelope(for: RefereeRegisterResponse.self))
        #expect(object["status"] as? String == "ACCEPTED")
        #expect(object["referee_id"] as? String == "REF01")
        #expect(object["auth_token"] as? String == "tok-ref")
        try roundTrip(
            RefereeRegisterResponse(status: .rejected, refereeID: nil, reason: "even_odd only", authToken: nil),
            envelope: ProtocolFixtures.envelope(for: RefereeRegisterResponse.self))
    }

    @Test func leagueRegisterRequest() throws {
        let body = LeagueRegisterRequest(playerMeta: .init(displayName: "alice", version: "1.0.0", gameTypes: ["even_odd"]))
        let object = try roundTrip(body, envelope: ProtocolFixtures.envelope(for: LeagueRegisterRequest.self, sender: "player:alice"))
        let meta = try #require(object["player_meta"] as? [String: Any])
        #expect(meta["display_name"] as? String == "alice")
        #expect(meta["protocol_version"] as? String == ProtocolVersion.current)
    }

    /// Same as ``refereeRegisterResponse()`` for players.
    @Test func leagueRegisterResponse() throws {
        let accepted = LeagueRegisterResponse(status: .accepted, playerID: "P01", authToken: "tok-P01")
        let object = try roundTrip(accepted, envelope: ProtocolFixtures.envelope(for: LeagueRegisterResponse.self))
        #expect(object["player_id"] as? String == "P01")
        #expect(object["auth_token"] as? String == "tok-P01")
        try roundTrip(
            LeagueRegisterResponse(status: .rejected, playerID: nil, reason: "full", authToken: nil),
            envelope: ProtocolFixtures.envelope(for: LeagueRegisterResponse.self))
    }

    @Test func gameInvitation() throws {
        let body = GameInvitation(leagueID: "L1", roundID: 2, matchID: "R2M1", roleInMatch: .playerB, opponentID: "P01")
        let object = try roundTrip(
            body, envelope: ProtocolFixtures.envelope(for: GameInvitation.self, sender: "referee:REF01", authToken: "tok-ref"))
        #expect(object["role_in_match"] as? String == "PLAYER_B")
        #expect(object["opponent_id"] as? String == "P01")
        #expect(object["game_type"] as? String == "even_odd")
        #expect(object["round_id"] as? Int == 2)
        #expect(object["auth_token"] as? String == "tok-ref")
    }

    @Test func gameJoinAck() throws {
        let body = GameJoinAck(matchID: "R1M1", playerID: "P02", arrivalTimestamp: ProtocolFixtures.timestamp, accept: false)
        let object = try roundTrip(body, envelope: ProtocolFixtures.envelope(for: GameJoinAck.self, sender: "player:P02", authToken: "t"))
        #expect(object["match_id"] as? String == "R1M1")
        #expect(object["player_id"] as? String == "P02")
        #expect(object["arrival_timestamp"] as? String == ProtocolFixtures.timestamp)
        #expect(object["accept"] as? Bool == false)
    }

    @Test func chooseParityCall() throws {
        let body = ChooseParityCall(
            matchID: "R1M1", playerID: "P01",
            context: .init(opponentID: "P02", roundID: 1, yourStandings: .init(wins: 2, losses: 1, draws: 3)),
            deadline: "2026-11-28T04:25:16.123Z")
        let object = try roundTrip(body, envelope: ProtocolFixtures.envelope(for: ChooseParityCall.self, sender: "referee:REF01"))
        let context = try #require(object["context"] as? [String: Any])
        #expect(context["opponent_id"] as? String == "P02")
        let standings = try #require(context["your_standings"] as? [String: Any])
        #expect(standings["wins"] as? Int == 2)
        #expect(standings["draws"] as? Int == 3)
        #expect(object["deadline"] as? String == "2026-11-28T04:25:16.123Z")
    }

    @Test(arguments: ["even", "odd", "banana"])
    func chooseParityResponse(choice: String) throws {
        let body = ChooseParityResponse(matchID: "R1M1", playerID: "P01", parityChoice: choice)
        let object = try roundTrip(
            body, envelope: ProtocolFixtures.envelope(for: ChooseParityResponse.self, sender: "player:P01", authToken: "t"))
        #expect(object["parity_choice"] as? String == choice)
    }

    @Test func gameOver() throws {
        let win = GameOver(
            matchID: "R1M1",
            gameResult: .init(
                status: .win, winnerPlayerID: "P01", drawnNumber: 8, numberParity: .even, choices: ["P01": "even", "P02": "odd"],
                reason: "8 is even"))
        let object = try roundTrip(win, envelope: ProtocolFixtures.envelope(for: GameOver.self, sender: "referee:REF01"))
        let result = try #require(object["game_result"] as? [String: Any])
        #expect(result["winner_player_id"] as? String == "P01")
        #expect(result["drawn_number"] as? Int == 8)
        #expect(result["number_parity"] as? String == "even")
        #expect(result["choices"] as? [String: String] == ["P01": "even", "P02": "odd"])
        let forfeit = GameOver(
            matchID: "R1M2",
            gameResult: .init(
                status: .technicalLoss, winnerPlayerID: nil, drawnNumber: nil, numberParity: nil, choices: [:], reason: "no answers"))
        try roundTrip(forfeit, envelope: ProtocolFixtures.envelope(for: GameOver.self, sender: "referee:REF01"))
    }

    /// Seeds use all 64 bits; they must not lose precision through JSON.
    @Test(arguments: [UInt64(0), 1, 0x8000_0000_0000_0001, UInt64.max, SeededGenerator.derive(7, "R1M1")])
    func matchAssignment(seed: UInt64) throws {
        let body = MatchAssignment(
            leagueID: "L1", roundID: 1, matchID: "R1M1", playerAID: "P01", playerBID: "P02", seed: seed,
            playerAStandings: .init(wins: 1), playerBStandings: .init(losses: 1))
        let object = try roundTrip(body, envelope: ProtocolFixtures.envelope(for: MatchAssignment.self))
        #expect(object["player_A_id"] as? String == "P01")
        #expect(object["player_B_id"] as? String == "P02")
        #expect(object["player_A_standings"] != nil)
        #expect(object["seed"] != nil)
    }

    @Test func matchResultReport() throws {
        let body = MatchResultReport(
            leagueID: "L1", roundID: 1, matchID: "R1M1",
            result: .init(
                winner: "P02", score: ["P01": 0, "P02": 3],
                details: .init(
                    status: .technicalLoss, drawnNumber: nil, choices: ["P02": "odd"], seed: UInt64.max - 1, reason: "late",
                    technicalLosers: ["P01"])))
        let object = try roundTrip(
            body, envelope: ProtocolFixtures.envelope(for: MatchResultReport.self, sender: "referee:REF01", authToken: "tok-ref"))
        let result = try #require(object["result"] as? [String: Any])
        #expect(result["score"] as? [String: Int] == ["P01": 0, "P02": 3])
        let details = try #require(result["details"] as? [String: Any])
        #expect(details["technical_losers"] as? [String] == ["P01"])
        #expect(details["status"] as? String == "TECHNICAL_LOSS")
    }

    @Test func matchResultAck() throws {
        let body = MatchResultAck(leagueID: "L1", matchID: "R1M1", status: .rejected, reason: "duplicate")
        let object = try roundTrip(body, envelope: ProtocolFixtures.envelope(for: MatchResultAck.self))
        #expect(object["league_id"] as? String == "L1")
        #expect(object["status"] as? String == "REJECTED")
    }

    @Test func roundAnnouncement() throws {
        let body = RoundAnnouncement(
            leagueID: "L1", roundID: 1,
            matches: [
                .init(matchID: "R1M1", playerAID: "P01", playerBID: "P02"), .init(matchID: "R1M2", playerAID: "P03", playerBID: "P04"),
            ])
        let object = try roundTrip(body, envelope: ProtocolFixtures.envelope(for: RoundAnnouncement.self))
        let matches = try #require(object["matches"] as? [[String: Any]])
        #expect(matches.count == 2)
        #expect(matches.first?["player_A_id"] as? String == "P01")
        #expect(matches.first?["player_B_id"] as? String == "P02")
    }

    @Test func roundCompleted() throws {
        let summary = RoundCompleted.Summary(totalMatches: 2, wins: 1, draws: 1, technicalLosses: 0)
        let middle = RoundCompleted(leagueID: "L1", roundID: 1, totalRounds: 3, matchesCompleted: 2, nextRoundID: 2, summary: summary)
        let object = try roundTrip(middle, envelope: ProtocolFixtures.envelope(for: RoundCompleted.self))
        #expect(object["next_round_id"] as? Int == 2)
        let last = RoundCompleted(leagueID: "L1", roundID: 3, totalRounds: 3, matchesCompleted: 2, nextRoundID: nil, summary: summary)
        let lastObject = try roundTrip(last, envelope: ProtocolFixtures.envelope(for: RoundCompleted.self))
        #expect(lastObject["next_round_id"] is NSNull, "league.v2 sends an explicit null on the last round")
    }

    @Test func leagueCompleted() throws {
        let rows = [
            StandingRow(rank: 1, playerID: "P01", displayName: "alice", played: 3, wins: 2, draws: 1, losses: 0, points: 7),
            StandingRow(rank: 2, playerID: "P02", displayName: "bob", played: 3, wins: 0, draws: 1, losses: 2, points: 1),
        ]
        let body = LeagueCompleted(
            leagueID: "L1", totalRounds: 3, totalMatches: 6, champion: .init(playerID: "P01", displayName: "alice", points: 7),
            finalStandings: rows)
        let object = try roundTrip(body, envelope: ProtocolFixtures.envelope(for: LeagueCompleted.self))
        #expect((object["final_standings"] as? [Any])?.count == 2)
        try roundTrip(
            LeagueCompleted(leagueID: "L2", totalRounds: 0, totalMatches: 0, champion: nil, finalStandings: []),
            envelope: ProtocolFixtures.envelope(for: LeagueCompleted.self))
    }

    @Test func leagueStandingsUpdate() throws {
        let body = LeagueStandingsUpdate(
            leagueID: "L1", roundID: 1,
            standings: [StandingRow(rank: 1, playerID: "P01", displayName: "alice", played: 1, wins: 1, draws: 0, losses: 0, points: 3)])
        let object = try roundTrip(body, envelope: ProtocolFixtures.envelope(for: LeagueStandingsUpdate.self))
        let row = try #require((object["standings"] as? [[String: Any]])?.first)
        #expect(row["player_id"] as? String == "P01")
        #expect(row["display_name"] as? String == "alice")
    }

    @Test func leagueError() throws {
        let body = LeagueError(
            ProtocolError(.authTokenInvalid, "bad token"), originalMessageType: "LEAGUE_QUERY", context: ["player_id": "P01"])
        let object = try roundTrip(body, envelope: ProtocolFixtures.envelope(for: LeagueError.self))
        #expect(object["error_code"] as? String == "E012")
        #expect(object["error_name"] as? String == "AUTH_TOKEN_INVALID")
        #expect(object["error_description"] as? String == "bad token")
        #expect(object["original_message_type"] as? String == "LEAGUE_QUERY")
    }

    @Test func gameError() throws {
        let body = GameError(
            matchID: "R1M1", error: ProtocolError(.invalidParityChoice, "got banana"), affectedPlayer: "P01",
            actionRequired: "resend", consequence: "TECHNICAL_LOSS")
        let object = try roundTrip(body, envelope: ProtocolFixtures.envelope(for: GameError.self, sender: "referee:REF01"))
        #expect(object["error_code"] as? String == "E004")
        #expect(object["affected_player"] as? String == "P01")
        #expect(object["action_required"] as? String == "resend")
    }

    @Test func leagueQuery() throws {
        let body = LeagueQuery(queryType: .nextMatch, queryParams: .init(leagueID: "L1", playerID: "P01"))
        let object = try roundTrip(body, envelope: ProtocolFixtures.envelope(for: LeagueQuery.self, sender: "player:P01", authToken: "t"))
        #expect(object["query_type"] as? String == "GET_NEXT_MATCH")
        #expect((object["query_params"] as? [String: Any])?["league_id"] as? String == "L1")
        try roundTrip(
            LeagueQuery(queryType: .standings), envelope: ProtocolFixtures.envelope(for: LeagueQuery.self, sender: "operator:cli"))
    }

    @Test func leagueQueryResponse() throws {
        let standings = LeagueQueryResponse(
            queryType: .standings, success: true,
            data: QueryData.Standings(
                leagueID: "L1", roundsCompleted: 1,
                standings: [StandingRow(rank: 1, playerID: "P01", displayName: "alice", played: 1, wins: 1, draws: 0, losses: 0, points: 3)]
            ))
        let object = try roundTrip(standings, envelope: ProtocolFixtures.envelope(for: LeagueQueryResponse<QueryData.Standings>.self))
        #expect((object["data"] as? [String: Any])?["rounds_completed"] as? Int == 1)
        let schedule = LeagueQueryResponse(
            queryType: .schedule, success: true,
            data: QueryData.Schedule(
                leagueID: "L1", rounds: [.init(roundID: 1, matches: [.init(matchID: "R1M1", playerAID: "P01", playerBID: "P02")])]))
        try roundTrip(schedule, envelope: ProtocolFixtures.envelope(for: LeagueQueryResponse<QueryData.Schedule>.self))
        let next = LeagueQueryResponse(
            queryType: .nextMatch, success: true,
            data: QueryData.NextMatch(leagueID: "L1", roundID: 2, matchID: "R2M1", opponentID: "P03", status: "pending"))
        try roundTrip(next, envelope: ProtocolFixtures.envelope(for: LeagueQueryResponse<QueryData.NextMatch>.self))
        let failed = LeagueQueryResponse<QueryData.Standings>(queryType: .standings, success: false, data: nil, error: "no league")
        let failedObject = try roundTrip(failed, envelope: ProtocolFixtures.envelope(for: LeagueQueryResponse<QueryData.Standings>.self))
        #expect(failedObject["success"] as? Bool == false)
        #expect(failedObject["error"] as? String == "no league")
    }

    @Test func startLeague() throws {
        let body = StartLeague(playerCount: 4, seed: 0xFFFF_FFFF_FFFF_FFFE)
        let object = try roundTrip(body, envelope: ProtocolFixtures.envelope(for: StartLeague.self, sender: "operator:cli"))
        #expect(object["player_count"] as? Int == 4)
        #expect(object["game_type"] as? String == "even_odd")
        try roundTrip(StartLeague(playerCount: 2), envelope: ProtocolFixtures.envelope(for: StartLeague.self, sender: "operator:cli"))
    }

    @Test func startLeagueResponse() throws {
        let body = StartLeagueResponse(status: .accepted, leagueID: "L1", playerCount: 4, seed: 99)
        let object = try roundTrip(body, envelope: ProtocolFixtures.envelope(for: StartLeagueResponse.self))
        #expect(object["league_id"] as? String == "L1")
        try roundTrip(
            StartLeagueResponse(status: .rejected, leagueID: nil, playerCount: 1, seed: nil, reason: "need 2"),
            envelope: ProtocolFixtures.envelope(for: StartLeagueResponse.self))
    }

    @Test func encodeWithFreshEnvelopeStampsTypeAndValidTimestamp() throws {
        let bytes = codec.encode(
            MatchResultAck(leagueID: "L1", matchID: "M", status: .accepted), sender: "league_manager", conversationID: "c9", authToken: "tk"
        )
        let message = try codec.decode(MatchResultAck.self, from: bytes)
        #expect(message.envelope.messageType == .matchResultAck)
        #expect(message.envelope.conversationID == "c9")
        #expect(message.envelope.authToken == "tk")
        #expect(Timestamp.isValidUTC(message.envelope.timestamp))
        #expect(codec.envelope(of: bytes) == message.envelope)
    }
}
