import LeagueGames
import LeaguePlayer
import LeagueProtocol
import Testing

/// `PlayerCore` answering MOVE_REQUEST through the strategy configured for each game.
@Suite struct PlayerMoveTests {
    static let all: [GameType] = [.evenOdd, RockPaperScissors.type, ConnectFour.type]

    static func rpsRequest(turn: Int = 1, history: [RockPaperScissors.View.PastThrow] = []) -> MoveRequest<RockPaperScissors.View> {
        MoveRequest(
            matchID: "R1M1", playerID: PlayerHarness.playerID, gameType: RockPaperScissors.type, turn: turn,
            state: .init(bestOf: 99, throwNumber: history.count + 1, yourWins: 0, opponentWins: 0, history: history),
            legalMoves: ["rock", "paper", "scissors"], deadline: "2026-11-28T10:00:30.000Z", roleInMatch: .playerB)
    }

    static func connectFourRequest(turn: Int, board: [String], moves: Int, legal: [String]) -> MoveRequest<ConnectFour.View> {
        MoveRequest(
            matchID: "R1M1", playerID: PlayerHarness.playerID, gameType: ConnectFour.type, turn: turn,
            state: .init(board: board, you: .a, moves: moves), legalMoves: legal, deadline: "2026-11-28T10:00:30.000Z",
            roleInMatch: .playerA)
    }

    static let emptyBoard = Array(repeating: ".......", count: 6)

    func response(_ h: PlayerHarness, sourceLocation: SourceLocation = #_sourceLocation) throws -> Message<MoveResponse> {
        let wire = try #require(h.sent.first, sourceLocation: sourceLocation)
        #expect(h.sent.count == 1, sourceLocation: sourceLocation)
        #expect(wire.type == .moveResponse, sourceLocation: sourceLocation)
        #expect(wire.peerID == PlayerHarness.refereeID, sourceLocation: sourceLocation)
        #expect(wire.token == Array(PlayerHarness.token.utf8), sourceLocation: sourceLocation)
        return try h.decode(MoveResponse.self, wire)
    }

    @Test func declaresTheGamesItHasStrategiesFor() throws {
        let h = PlayerHarness(
            games: [ConnectFour.type, .evenOdd, "go", RockPaperScissors.type], moveStrategies: [RockPaperScissors.type: "nope"])
        #expect(h.core.games == [ConnectFour.type, .evenOdd])
        h.core.start(now: h.now)
        let meta = try h.decode(LeagueRegisterRequest.self, try #require(h.drain().first)).body.playerMeta
        #expect(meta.gameTypes == ["connect_four", "even_odd"])
    }

    @Test(arguments: [(RockPaperScissors.type, MoveStrategyKind.random), (RockPaperScissors.type, .counter)])
    func anRPSRequestGetsALegalThrowForItsTurn(game: GameType, kind: MoveStrategyKind) throws {
        let h = PlayerHarness(games: Self.all, moveStrategies: [game: kind])
        h.register()
        h.fromReferee(Self.rpsRequest(turn: 4), conversationID: "conv-R1M1")
        let message = try response(h)
        #expect(message.body.turn == 4)
        #expect(message.body.matchID == "R1M1")
        #expect(message.body.playerID == PlayerHarness.playerID)
        #expect(["rock", "paper", "scissors"].contains(message.body.move))
        #expect(message.envelope.conversationID == "conv-R1M1")
    }

    @Test func theCounterStrategyBeatsTheOpponentsHabit() throws {
        let h = PlayerHarness(games: Self.all, moveStrategies: [RockPaperScissors.type: .counter])
        h.register()
        let history = Array(repeating: RockPaperScissors.View.PastThrow(you: .scissors, opponent: .rock), count: 3)
        h.fromReferee(Self.rpsRequest(turn: 4, history: history))
        #expect(try response(h).body.move == "paper")
    }

    @Test(arguments: [MoveStrategyKind.random, .search])
    func aConnectFourRequestGetsALegalColumn(kind: MoveStrategyKind) throws {
        let h = PlayerHarness(games: Self.all, moveStrategies: [ConnectFour.type: kind])
        h.register()
        var board = Self.emptyBoard
        board[0] = "...B..."  // column 3 is full (six discs, alternating)
        board[1] = "...A..."
        board[2] = "...B..."
        board[3] = "...A..."
        board[4] = "...B..."
        board[5] = "...A..."
        h.fromReferee(Self.connectFourRequest(turn: 7, board: board, moves: 6, legal: ["0", "1", "2", "4", "5", "6"]))
        let message = try response(h)
        #expect(message.body.turn == 7)
        #expect(["0", "1", "2", "4", "5", "6"].contains(message.body.move))
    }

    @Test func theSearchTakesAWinningColumn() throws {
        let h = PlayerHarness(games: Self.all, moveStrategies: [ConnectFour.type: .search])
        h.register()
        var board = Self.emptyBoard
        board[3] = "A.B...."
        board[4] = "A.B...."
        board[5] = "A.B...."
        h.fromReferee(Self.connectFourRequest(turn: 7, board: board, moves: 6, legal: ["0", "1", "2", "3", "4", "5", "6"]))
        #expect(try response(h).body.move == "0")
    }

    @Test func theSameRequestIsAnsweredTheSameWay() throws {
        func answer() throws -> [String] {
            let h = PlayerHarness(games: Self.all)
            h.register()
            return try (1...20).map { turn in
                h.fromReferee(Self.rpsRequest(turn: turn))
                return try h.decode(MoveResponse.self, try #require(h.drain().first)).body.move
            }
        }
        let first = try answer()
        #expect(first == (try answer()))
        #expect(Set(first).count > 1, "random over the turns: \(first)")
    }

    @Test func aRequestForAGameItDoesNotPlayIsNotAnswered() throws {
        let h = PlayerHarness()  // even_odd only
        h.register()
        h.fromReferee(Self.rpsRequest())
        h.fromReferee(Self.connectFourRequest(turn: 1, board: Self.emptyBoard, moves: 0, legal: ["3"]))
        #expect(h.sent.isEmpty)
        h.advance(milliseconds: 60_000)
        #expect(h.sent.isEmpty, "nothing scheduled either")
    }

    @Test func aRequestWithAStateOfTheWrongShapeIsNotAnswered() throws {
        struct Other: Codable, Sendable, Hashable { var pile: Int }
        let h = PlayerHarness(games: Self.all)
        h.register()
        h.fromReferee(
            MoveRequest(
                matchID: "R1M1", playerID: PlayerHarness.playerID, gameType: RockPaperScissors.type, turn: 1, state: Other(pile: 3),
                legalMoves: ["rock"], deadline: "2026-11-28T10:00:30.000Z", roleInMatch: .playerA))
        #expect(h.sent.isEmpty)
    }

    @Test func thinkTimeDelaysTheMove() throws {
        let h = PlayerHarness(thinkMilliseconds: 200, games: Self.all)
        h.register()
        h.fromReferee(Self.rpsRequest(turn: 2))
        h.advance(milliseconds: 199)
        #expect(h.sent.isEmpty)
        h.advance(milliseconds: 1)
        #expect(try response(h).body.turn == 2)
    }

    @Test func anotherGamesResultDoesNotTeachTheEvenOddStrategy() throws {
        // What a player that learnt nothing answers (its seeded coin); having learnt that P06 picks that
        // parity, the frequency strategy would answer the other one.
        let fresh = PlayerHarness(strategy: .frequency)
        fresh.register()
        fresh.fromReferee(PlayerHarness.call(opponent: "P06"))
        let coin = try fresh.decode(ChooseParityResponse.self, try #require(fresh.sent.first)).body.parityChoice
        let h = PlayerHarness(strategy: .frequency, games: Self.all)
        h.register()
        for round in 0..<3 {
            h.fromReferee(
                GameOver(
                    matchID: "R\(round)M1", gameType: "rps",
                    gameResult: .init(
                        status: .win, winnerPlayerID: "P06", drawnNumber: nil, numberParity: nil,
                        choices: [PlayerHarness.playerID: coin, "P06": coin], reason: "PLAYER_B wins 2–0")))
        }
        #expect(h.core.matchesPlayed == 3)
        h.fromReferee(PlayerHarness.call(opponent: "P06"))
        #expect(try h.decode(ChooseParityResponse.self, try #require(h.sent.first)).body.parityChoice == coin)
    }
}
