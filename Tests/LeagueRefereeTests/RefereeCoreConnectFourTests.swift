import LeagueGames
import LeagueProtocol
import LeagueReferee
import Testing

/// `RefereeCore` running Connect Four (sequential, an illegal move is a technical loss): only the player
/// on turn is asked, moves for the wrong turn change nothing, lateness and illegal moves lose.
@Suite struct RefereeCoreConnectFourTests {
    typealias View = ConnectFour.View

    func start(_ h: RefereeHarness) throws -> MoveRequest<View> {
        h.register()
        #expect(h.assign()?.accepted == true)
        h.join("P01")
        h.join("P02")
        let requests = try h.messages(MoveRequest<View>.self, in: h.drain())
        #expect(requests.map(\.peer) == ["P01"], "PLAYER_A moves first, alone")
        return try #require(requests.first?.message.body)
    }

    @Test func aWholeGameToAWin() throws {
        let h = RefereeHarness(game: ConnectFour.type)
        let first = try start(h)
        #expect(first.turn == 1)
        #expect(first.legalMoves == ["0", "1", "2", "3", "4", "5", "6"])
        #expect(first.state == View(board: Array(repeating: ".......", count: 6), you: .a, moves: 0))
        // A stacks column 0, B column 1: A connects four vertically on its fourth disc.
        let plays = [("P01", "0"), ("P02", "1"), ("P01", "0"), ("P02", "1"), ("P01", "0"), ("P02", "1"), ("P01", "0")]
        for (index, (player, column)) in plays.enumerated() {
            h.move(player, column, turn: index + 1)
            guard index + 1 < plays.count else { break }
            let next = try h.messages(MoveRequest<View>.self, in: h.drain())
            let other = player == "P01" ? "P02" : "P01"
            #expect(next.map(\.peer) == [other], "turn \(index + 2) asks \(other) only")
            let request = try #require(next.first?.message.body)
            #expect(request.turn == index + 2)
            #expect(request.state.moves == index + 1)
            #expect(request.roleInMatch == (other == "P01" ? .playerA : .playerB))
        }
        let over = try #require(try h.messages(GameOver.self, in: h.sent).first?.message.body.gameResult)
        #expect(over.status == .win)
        #expect(over.winnerPlayerID == "P01")
        #expect(over.reason == "PLAYER_A connects four")
        #expect(over.moves?.map(\.move) == plays.map(\.1))
        #expect(over.moves?.map(\.playerID) == plays.map(\.0))
        #expect(over.choices == ["P01": "0", "P02": "1"])
        let report = try #require(try h.messages(MatchResultReport.self, in: h.sent).first?.message.body)
        #expect(report.result.winner == "P01")
        #expect(report.result.details.gameScore == ["P01": 1, "P02": 0])
        #expect(report.result.details.moves?.count == 7)
        #expect(h.sent.count == 3, "two GAME_OVER and the report")
    }

    @Test(arguments: ["7", "x", "", "00"])
    func anIllegalMoveIsATechnicalLossAtOnce(move: String) throws {
        let h = RefereeHarness(game: ConnectFour.type)
        _ = try start(h)
        h.move("P01", "3", turn: 1)
        _ = h.drain()
        h.move("P02", move, turn: 2)
        let error = try #require(try h.messages(GameError.self, in: h.sent).first)
        #expect(error.peer == "P02")
        #expect(error.message.body.errorCode == .invalidMove)
        #expect(error.message.body.consequence == "TECHNICAL_LOSS")
        let over = try #require(try h.messages(GameOver.self, in: h.sent).first?.message.body.gameResult)
        #expect(over.status == .technicalLoss)
        #expect(over.winnerPlayerID == "P01")
        #expect(over.reason.hasPrefix("P02 made an illegal move"))
        let report = try #require(try h.messages(MatchResultReport.self, in: h.sent).first?.message.body)
        #expect(report.result.details.technicalLosers == ["P02"])
        #expect(report.result.details.moves == [.init(playerID: "P01", move: "3")])
        #expect(report.result.details.gameScore == nil)
        #expect(h.sent.count == 4, "GAME_ERROR, two GAME_OVER, the report")
    }

    @Test func aFullColumnIsIllegal() throws {
        let h = RefereeHarness(game: ConnectFour.type)
        _ = try start(h)
        for turn in 1...6 { h.move(turn % 2 == 1 ? "P01" : "P02", "2", turn: turn) }
        _ = h.drain()
        h.move("P01", "2", turn: 7)
        #expect(try h.messages(MatchResultReport.self, in: h.sent).first?.message.body.result.details.technicalLosers == ["P01"])
    }

    @Test func aLateMoveIsATechnicalLoss() throws {
        let h = RefereeHarness(game: ConnectFour.type)
        _ = try start(h)
        h.advance(milliseconds: RefereeHarness.moveMilliseconds / 2)
        h.move("P01", "3", turn: 1)
        _ = h.drain()
        h.advance(milliseconds: RefereeHarness.moveMilliseconds - 1)
        #expect(h.sent.isEmpty, "each request has its own deadline")
        h.advance(milliseconds: 1)
        let over = try #require(try h.messages(GameOver.self, in: h.sent).first?.message.body.gameResult)
        #expect(over.status == .technicalLoss)
        #expect(over.winnerPlayerID == "P01")
        #expect(over.reason == "no legal move for turn 2 from P02 by the deadline")
        _ = h.drain()
        h.move("P02", "3", turn: 2)
        #expect(h.sent.isEmpty, "a move after the result changes nothing")
    }

    @Test func aMoveForTheWrongTurnOrOutOfTurnGetsAGameErrorAndIsIgnored() throws {
        let h = RefereeHarness(game: ConnectFour.type)
        _ = try start(h)
        h.move("P02", "3", turn: 1)  // not P02's turn
        h.move("P01", "3", turn: 2)  // P01's turn, wrong number
        h.move("P01", "3", turn: 0)
        let errors = try h.messages(GameError.self, in: h.drain())
        #expect(errors.map(\.peer) == ["P02", "P01", "P01"])
        #expect(errors.allSatisfy { $0.message.body.errorCode == .invalidState })
        #expect(errors.allSatisfy { $0.message.body.matchID == "R3M2" })
        #expect(h.core.rejectedMessages == 0, "well-formed messages the match could not use")
        h.move("P01", "4", turn: 1)
        let next = try h.messages(MoveRequest<View>.self, in: h.drain())
        #expect(next.map(\.peer) == ["P02"])
        #expect(next.first?.message.body.state.board.last == "....A..", "only the turn-1 move was played")
        h.move("P01", "4", turn: 1)
        #expect(try h.messages(GameError.self, in: h.drain()).count == 1, "a repeat after the turn passed is out of turn")
    }
}
