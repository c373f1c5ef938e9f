import Foundation
import LeagueProtocol
import Testing

/// MOVE_REQUEST (generic over the game's view), MOVE_RESPONSE and the optional fields other games add to
/// GAME_OVER, MATCH_RESULT_REPORT, MATCH_ASSIGNMENT and MATCH_ASSIGNMENT_ACK survive the codec, and
/// Even/Odd's messages are unchanged by them.
@Suite struct MoveMessageTests {
    let codec = MessageCodec()

    /// A view with everything a game might nest: objects, arrays of arrays, optionals, enums, maps.
    struct BoardView: Codable, Sendable, Hashable {
        enum Mark: String, Codable, Sendable, Hashable { case x, o }
        struct Last: Codable, Sendable, Hashable {
            var column: Int
            var by: Mark
        }
        var rows: [[Mark?]]
        var last: Last?
        var counts: [String: Int]
        var note: String?
    }

    func roundTrip<Body: MessageBody & Hashable>(_ body: Body, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let envelope = ProtocolFixtures.envelope(for: Body.self, sender: "referee:REF01")
        let bytes = codec.encode(Message(envelope: envelope, body: body))
        let decoded = try codec.decode(Body.self, from: bytes)
        #expect(decoded.body == body, sourceLocation: sourceLocation)
        #expect(decoded.envelope == envelope, sourceLocation: sourceLocation)
        return try #require(ProtocolFixtures.object(bytes), sourceLocation: sourceLocation)
    }

    static let board = BoardView(
        rows: [[nil, .x, nil], [.o, .x, .o]], last: .init(column: 1, by: .x), counts: ["x": 2, "o": 2], note: nil)

    static func request<View: Codable & Sendable>(_ view: View) -> MoveRequest<View> {
        MoveRequest(
            matchID: "R1M1", playerID: "P01", gameType: "connect_four", turn: 4, state: view, legalMoves: ["0", "2"],
            deadline: "2026-11-28T10:00:30.000Z", roleInMatch: .playerB)
    }

    @Test func moveRequestWithANestedViewRoundTrips() throws {
        let object = try roundTrip(Self.request(Self.board))
        #expect(object["message_type"] as? String == "MOVE_REQUEST")
        #expect(object["match_id"] as? String == "R1M1")
        #expect(object["player_id"] as? String == "P01")
        #expect(object["game_type"] as? String == "connect_four")
        #expect(object["turn"] as? Int == 4)
        #expect(object["legal_moves"] as? [String] == ["0", "2"])
        #expect(object["deadline"] as? String == "2026-11-28T10:00:30.000Z")
        #expect(object["role_in_match"] as? String == "PLAYER_B")
        let state = try #require(object["state"] as? [String: Any])
        let rows = try #require(state["rows"] as? [[Any]])
        #expect(rows.count == 2)
        #expect(rows[0][0] is NSNull, "an empty cell is null, not left out")
        #expect(rows[1] as? [String] == ["o", "x", "o"])
        #expect((state["last"] as? [String: Any])?["column"] as? Int == 1)
        #expect(state["counts"] as? [String: Int] == ["x": 2, "o": 2])
        #expect(state["note"] == nil)
    }

    @Test func anEmptyViewIsAnEmptyObject() throws {
        struct Nothing: Codable, Sendable, Hashable {}
        let object = try roundTrip(Self.request(Nothing()))
        #expect((object["state"] as? [String: Any])?.isEmpty == true)
    }

    @Test func headerReadsARequestWithoutItsState() throws {
        let bytes = codec.encode(Self.request(Self.board), sender: "referee:REF01", conversationID: "conv-R1M1")
        let header = try codec.decode(MoveRequestHeader.self, from: bytes).body
        #expect(
            header
                == MoveRequestHeader(
                    matchID: "R1M1", playerID: "P01", gameType: "connect_four", turn: 4, legalMoves: ["0", "2"],
                    deadline: "2026-11-28T10:00:30.000Z", roleInMatch: .playerB))
    }

    @Test func aViewOfTheWrongShapeIsE003OrE105() throws {
        struct Other: Codable, Sendable, Hashable { var score: Int }
        let bytes = codec.encode(Self.request(Self.board), sender: "referee:REF01", conversationID: "c")
        #expect(ProtocolFixtures.decodeError(MoveRequest<Other>.self, bytes)?.code == .missingRequiredField)
        struct Typed: Codable, Sendable, Hashable { var rows: Int }
        #expect(ProtocolFixtures.decodeError(MoveRequest<Typed>.self, bytes)?.code == .invalidFieldValue)
    }

    @Test func moveResponseRoundTrips() throws {
        let object = try roundTrip(MoveResponse(matchID: "R1M1", playerID: "P02", turn: 7, move: "3"))
        #expect(object["message_type"] as? String == "MOVE_RESPONSE")
        #expect(object["turn"] as? Int == 7)
        #expect(object["move"] as? String == "3")
        #expect(object.count == 9, "five envelope fields (no auth_token) and four of its own: \(object.keys.sorted())")
    }

    @Test func moveResponseWithoutTurnIsE003() {
        var object = ProtocolFixtures.joinAckObject()
        object["message_type"] = "MOVE_RESPONSE"
        object["move"] = "rock"
        #expect(ProtocolFixtures.decodeError(MoveResponse.self, ProtocolFixtures.bytes(object))?.code == .missingRequiredField)
        object["turn"] = "one"
        #expect(ProtocolFixtures.decodeError(MoveResponse.self, ProtocolFixtures.bytes(object))?.code == .invalidFieldValue)
    }

    @Test func newTypesAreRoutedEachWay() {
        #expect(MessageType.refereeToPlayer.contains(.moveRequest))
        #expect(MessageType.playerToReferee.contains(.moveResponse))
        #expect(!MessageType.playerToReferee.contains(.moveRequest))
        #expect(MessageType.moveRequest.isRouted && MessageType.moveResponse.isRouted)
        #expect(ErrorCode.invalidMove.rawValue == "E111" && ErrorCode.invalidMove.name == "INVALID_MOVE")
    }

    @Test func gameOverOfAnotherGameCarriesScoreAndMoves() throws {
        let body = GameOver(
            matchID: "R1M1", gameType: "rps",
            gameResult: .init(
                status: .win, winnerPlayerID: "P01", drawnNumber: nil, numberParity: nil, choices: ["P01": "rock", "P02": "scissors"],
                reason: "PLAYER_A wins 2–0", score: ["P01": 2, "P02": 0],
                moves: [.init(playerID: "P01", move: "paper"), .init(playerID: "P02", move: "rock")]))
        let result = try #require(try roundTrip(body)["game_result"] as? [String: Any])
        #expect(result["score"] as? [String: Int] == ["P01": 2, "P02": 0])
        let moves = try #require(result["moves"] as? [[String: String]])
        #expect(moves == [["player_id": "P01", "move": "paper"], ["player_id": "P02", "move": "rock"]])
        #expect(result["drawn_number"] == nil)
    }

    @Test func evenOddMessagesHaveNoNewFields() throws {
        let over = GameOver(
            matchID: "R1M1",
            gameResult: .init(
                status: .draw, winnerPlayerID: nil, drawnNumber: 3, numberParity: .odd, choices: [:], reason: "both chose odd"))
        let result = try #require(try roundTrip(over)["game_result"] as? [String: Any])
        #expect(Set(result.keys) == ["status", "drawn_number", "number_parity", "choices", "reason"])
        let assignment = MatchAssignment(leagueID: "L1", roundID: 1, matchID: "R1M1", playerAID: "P01", playerBID: "P02", seed: 9)
        #expect(try roundTrip(assignment)["game_options"] == nil)
        let ack = try roundTrip(MatchAssignmentAck(leagueID: "L1", matchID: "R1M1", leaseID: 1, accepted: true))
        #expect(ack["reason"] == nil)
    }

    @Test func reportOfAnotherGameCarriesMovesAndGameScore() throws {
        let body = MatchResultReport(
            leagueID: "L1", roundID: 1, matchID: "R1M1", gameType: "connect_four", leaseID: 2,
            result: .init(
                winner: "P02", score: ["P01": 0, "P02": 3],
                details: .init(
                    status: .win, drawnNumber: nil, choices: ["P01": "0", "P02": "3"], seed: .max, reason: "four in a row",
                    moves: [.init(playerID: "P01", move: "0"), .init(playerID: "P02", move: "3")], gameScore: ["P01": 0, "P02": 1])))
        let result = try #require(try roundTrip(body)["result"] as? [String: Any])
        let details = try #require(result["details"] as? [String: Any])
        #expect(details["moves"] as? [[String: String]] == [["player_id": "P01", "move": "0"], ["player_id": "P02", "move": "3"]])
        #expect(details["game_score"] as? [String: Int] == ["P01": 0, "P02": 1])
        #expect(details["drawn_number"] == nil)
    }

    @Test func assignmentCarriesGameOptionsAndAckAReason() throws {
        let assignment = MatchAssignment(
            leagueID: "L1", roundID: 1, matchID: "R1M1", gameType: "rps", playerAID: "P01", playerBID: "P02", seed: 9,
            gameOptions: ["best_of": 5])
        #expect(try roundTrip(assignment)["game_options"] as? [String: Int] == ["best_of": 5])
        let ack = MatchAssignmentAck(leagueID: "L1", matchID: "R1M1", leaseID: 1, accepted: false, reason: "unknown game \"go\"")
        let object = try roundTrip(ack)
        #expect(object["accepted"] as? Bool == false)
        #expect(object["reason"] as? String == "unknown game \"go\"")
    }
}
