import LeagueGames
import LeagueProtocol
import LeagueReferee
import Testing

/// `RefereeCore` running Rock-Paper-Scissors (simultaneous, best of N, a wrong throw is asked again)
/// through MOVE_REQUEST and MOVE_RESPONSE.
@Suite struct RefereeCoreRockPaperScissorsTests {
    typealias View = RockPaperScissors.View

    /// Registered, assigned and both joined; returns the first requests.
    func start(_ h: RefereeHarness) throws -> [(peer: String, message: Message<MoveRequest<View>>)] {
        h.register()
        #expect(h.assign()?.accepted == true)
        h.join("P01")
        h.join("P02")
        return try h.messages(MoveRequest<View>.self, in: h.drain())
    }

    @Test func asksBothPlayersAtOnceEachFromItsSide() throws {
        let h = RefereeHarness(game: RockPaperScissors.type, gameOptions: ["best_of": 5])
        let requests = try start(h)
        #expect(requests.map(\.peer) == ["P01", "P02"])
        for (peer, message) in requests {
            let request = message.body
            #expect(request.playerID == peer)
            #expect(request.matchID == "R3M2")
            #expect(request.gameType == RockPaperScissors.type)
            #expect(request.turn == 1)
            #expect(request.legalMoves == ["rock", "paper", "scissors"])
            #expect(request.roleInMatch == (peer == "P01" ? .playerA : .playerB))
            #expect(request.state == View(bestOf: 5, throwNumber: 1, yourWins: 0, opponentWins: 0, history: []))
            #expect(Timestamp.isValidUTC(request.deadline))
            #expect(request.deadline > message.envelope.timestamp)
            #expect(message.envelope.conversationID == "conv-R3M2")
        }
        #expect(h.core.nextDeadline == h.now + RefereeHarness.ns(milliseconds: RefereeHarness.moveMilliseconds))
    }

    /// Best of 3: a drawn throw is thrown again; the match ends when a player has two.
    @Test(arguments: [
        [("paper", "rock"), ("rock", "scissors")],
        [("rock", "rock"), ("paper", "rock"), ("scissors", "paper")],
    ])
    func bestOfThreeIsPlayedToTheEnd(throwsAB: [(String, String)]) throws {
        let h = RefereeHarness(game: RockPaperScissors.type)
        _ = try start(h)
        for (index, (a, b)) in throwsAB.enumerated() {
            h.move("P02", b, turn: index + 1)
            #expect(h.sent.isEmpty, "nothing until both have thrown")
            h.move("P01", a, turn: index + 1)
            if index + 1 < throwsAB.count {
                let next = try h.messages(MoveRequest<View>.self, in: h.drain())
                #expect(next.map(\.peer) == ["P01", "P02"])
                #expect(next.allSatisfy { $0.message.body.turn == index + 2 })
                let history = try #require(next.first?.message.body.state.history.last)
                #expect(history == View.PastThrow(you: .init(rawValue: a) ?? .rock, opponent: .init(rawValue: b) ?? .rock))
                #expect(next.last?.message.body.state.history.last?.you.rawValue == b, "P02 sees its own throw as `you`")
            }
        }
        let moves = throwsAB.flatMap { [MoveRecord(playerID: "P01", move: $0.0), MoveRecord(playerID: "P02", move: $0.1)] }
        let overs = try h.messages(GameOver.self, in: h.sent)
        #expect(overs.map(\.peer) == ["P01", "P02"])
        for (_, message) in overs {
            let result = message.body.gameResult
            #expect(message.body.gameType == "rps")
            #expect(result.status == .win)
            #expect(result.winnerPlayerID == "P01")
            #expect(result.drawnNumber == nil && result.numberParity == nil)
            #expect(result.score == ["P01": 2, "P02": 0])
            #expect(result.moves == moves)
            #expect(result.choices == ["P01": throwsAB.last?.0, "P02": throwsAB.last?.1])
            #expect(result.reason == "PLAYER_A wins 2–0")
        }
        let report = try #require(try h.messages(MatchResultReport.self, in: h.sent).first?.message.body)
        #expect(report.gameType == "rps")
        #expect(report.result.winner == "P01")
        #expect(report.result.score == ["P01": 3, "P02": 0], "league points stay 3/1/0")
        #expect(report.result.details.gameScore == ["P01": 2, "P02": 0])
        #expect(report.result.details.moves == moves)
        #expect(report.result.details.drawnNumber == nil)
        #expect(report.result.details.seed == h.assignment.seed)
        #expect(report.result.details.technicalLosers.isEmpty)
        #expect(h.sent.count == 3)
    }

    @Test func aWrongThrowIsAskedAgainUntilTheDeadline() throws {
        let h = RefereeHarness(game: RockPaperScissors.type, gameOptions: ["best_of": 1])
        _ = try start(h)
        h.move("P01", "ROCK", turn: 1)
        let error = try #require(try h.messages(GameError.self, in: h.sent).first)
        #expect(h.sent.count == 1)
        #expect(error.peer == "P01")
        #expect(error.message.body.errorCode == .invalidMove)
        #expect(error.message.body.matchID == "R3M2")
        #expect(error.message.body.consequence == "TECHNICAL_LOSS if no legal move arrives by the deadline")
        _ = h.drain()
        h.advance(milliseconds: RefereeHarness.moveMilliseconds / 2)
        h.move("P01", "rock", turn: 1)
        h.move("P02", "scissors", turn: 1)
        let over = try #require(try h.messages(GameOver.self, in: h.sent).first?.message.body.gameResult)
        #expect(over.winnerPlayerID == "P01")
        #expect(over.score == ["P01": 1, "P02": 0])
    }

    @Test func aMissingThrowIsATechnicalLoss() throws {
        let h = RefereeHarness(game: RockPaperScissors.type)
        _ = try start(h)
        h.move("P01", "paper", turn: 1)
        h.move("P02", "rock", turn: 1)
        _ = h.drain()
        h.move("P02", "rock", turn: 2)
        h.advance(milliseconds: RefereeHarness.moveMilliseconds - 1)
        #expect(h.sent.isEmpty)
        h.advance(milliseconds: 1)
        let over = try #require(try h.messages(GameOver.self, in: h.sent).first?.message.body.gameResult)
        #expect(over.status == .technicalLoss)
        #expect(over.winnerPlayerID == "P02")
        #expect(over.reason == "no legal move for turn 2 from P01 by the deadline")
        #expect(over.choices == ["P01": "paper", "P02": "rock"])
        let report = try #require(try h.messages(MatchResultReport.self, in: h.sent).first?.message.body)
        #expect(report.result.details.technicalLosers == ["P01"])
        #expect(report.result.score == ["P01": 0, "P02": 3])
        #expect(report.result.details.moves == [.init(playerID: "P01", move: "paper"), .init(playerID: "P02", move: "rock")])
    }

    @Test func aThrowForAnotherTurnGetsAGameErrorAndCountsForNothing() throws {
        let h = RefereeHarness(game: RockPaperScissors.type, gameOptions: ["best_of": 1])
        _ = try start(h)
        h.move("P02", "rock", turn: 2)
        let error = try #require(try h.messages(GameError.self, in: h.drain()).first)
        #expect(error.peer == "P02")
        #expect(error.message.body.errorCode == .invalidState)
        h.move("P01", "paper", turn: 1)
        #expect(h.sent.isEmpty, "P02's throw for turn 2 was not counted")
        h.move("P02", "scissors", turn: 1)
        #expect(try h.messages(GameOver.self, in: h.sent).first?.message.body.gameResult.winnerPlayerID == "P02")
    }

    @Test func aParityResponseInAnRPSMatchIsRefused() throws {
        let h = RefereeHarness(game: RockPaperScissors.type)
        _ = try start(h)
        h.choose("P01", "even")
        let error = try #require(try h.messages(GameError.self, in: h.drain()).first)
        #expect(error.message.body.errorCode == .unknownMessageType)
        #expect(h.core.rejectedMessages == 1)
    }

    @Test func badBestOfIsDeclined() throws {
        let h = RefereeHarness(game: RockPaperScissors.type, gameOptions: ["best_of": 4])
        h.register()
        let ack = try #require(h.assign())
        #expect(!ack.accepted)
        #expect(ack.reason?.contains("best_of") == true)
        #expect(h.sent.isEmpty)
    }
}
