import Foundation
import LeagueGames
import Testing

@Suite("Connect Four rules")
struct ConnectFourTests {
    let game = ConnectFour()

    /// Drops discs in `columns` in turn, PLAYER_A first, checking each move is allowed and the game goes on
    /// until the last one.
    func play(_ columns: [Int]) throws -> ConnectFour.State {
        var state = game.start(seed: 0)
        for (index, column) in columns.enumerated() {
            #expect(game.outcome(of: state) == nil, "the game ended before move \(index + 1)")
            let seat = state.seatToMove
            #expect(game.turn(in: state) == .one(seat) && seat == (index % 2 == 0 ? .a : .b))
            #expect(game.legalMoves(in: state, for: seat).contains(Move(String(column))))
            state = try game.apply([seat: Move(String(column))], to: state)
        }
        return state
    }

    /// A full board without four in a row (found once by a search; 21 discs each).
    static let drawnGame = [
        2, 1, 5, 0, 3, 4, 2, 6, 0, 0, 0, 0, 2, 0, 6, 2, 4, 3, 3, 6, 2, 2, 3, 3, 4, 5, 3, 1, 4, 6, 6, 5, 6, 4, 4, 1, 5, 5, 1, 5, 1, 1,
    ]

    @Test(
        "four in a row wins: horizontal, vertical, and both diagonals",
        arguments: [
            ([0, 0, 1, 1, 2, 2, 3], Seat.a, "bottom row, columns 0–3"),
            ([0, 1, 0, 1, 0, 1, 2, 1], Seat.b, "column 1"),
            ([0, 1, 1, 2, 2, 3, 2, 3, 3, 6, 3], Seat.a, "diagonal ↗ from column 0"),
            ([6, 5, 5, 4, 4, 3, 4, 3, 3, 0, 3], Seat.a, "diagonal ↖ from column 6"),
            ([6, 0, 6, 1, 6, 2, 5, 3], Seat.b, "bottom row, columns 0–3, by B"),
        ])
    func wins(columns: [Int], winner: Seat, line: String) throws {
        let state = try play(columns)
        let outcome = try #require(game.outcome(of: state), "\(line)")
        #expect(outcome.result == .win(winner), "\(line)")
        #expect(outcome.reason == "\(winner.role.rawValue) connects four")
        #expect(outcome.score == [winner: 1, winner.other: 0])
        #expect(game.turn(in: state) == .over)
        #expect(game.legalMoves(in: state, for: .a).isEmpty && game.legalMoves(in: state, for: .b).isEmpty)
        #expect(throws: IllegalMove.self) { try game.apply([state.seatToMove: "4"], to: state) }
    }

    @Test("a full board without four is a draw")
    func fullBoardDraw() throws {
        let state = try play(Self.drawnGame)
        let outcome = try #require(game.outcome(of: state))
        #expect(outcome.result == .draw && outcome.reason == "the board is full")
        #expect(state.isFull && state.moves == 42 && game.turn(in: state) == .over)
        #expect(
            game.view(of: state, for: .a).board == ["BBBAABA", "BAABBBA", "AABAAAB", "BBAAABB", "ABABABA", "BBAABAB"])
    }

    @Test(
        "a move into a full column, off the board, or not a column number is an IllegalMove",
        arguments: ["0", "7", "9", "-1", "03", " 3", "3 ", "x", "", "+3", "1.0"])
    func illegalMoves(text: String) throws {
        let state = try play([0, 0, 0, 0, 0, 0])
        #expect(state.isFull(column: 0) && !game.legalMoves(in: state, for: .a).contains("0"))
        #expect(game.legalMoves(in: state, for: .a) == ["1", "2", "3", "4", "5", "6"])
        #expect(throws: IllegalMove.self) { try game.apply([.a: Move(text)], to: state) }
        #expect(game.invalidMovePolicy == .technicalLoss)
    }

    @Test("the seat not on turn may not move, and the seat on turn must")
    func outOfTurn() throws {
        let start = game.start(seed: 0)
        #expect(game.legalMoves(in: start, for: .b).isEmpty)
        #expect(throws: IllegalMove.self) { try game.apply([.b: "3"], to: start) }
        #expect(throws: IllegalMove.self) { try game.apply([.a: "3", .b: "4"], to: start) }
        #expect(throws: IllegalMove.self) { try game.apply([:], to: start) }
        let after = try game.apply([.a: "3"], to: start)
        #expect(throws: IllegalMove.self) { try game.apply([.a: "4"], to: after) }
        #expect(try game.apply([.b: "3"], to: after).height(column: 3) == 2)
    }

    @Test("options are refused; none is the game")
    func options() throws {
        #expect(throws: InvalidGameOptions.self) { try ConnectFour(options: ["best_of": 3]) }
        #expect(try ConnectFour(options: [:]) == ConnectFour())
        #expect(ConnectFour.type == "connect_four")
    }

    @Test("the view draws the board top row first, with the seat's disc and the move count")
    func view() throws {
        let state = try play([3, 3, 4])
        let view = game.view(of: state, for: .b)
        #expect(view.board == [".......", ".......", ".......", ".......", "...B...", "...AA.."])
        #expect(view.you == .b && view.moves == 3)
        #expect(game.view(of: state, for: .a).you == .a)
        #expect(state.disc(column: 3, row: 1) == .b && state.disc(column: 4, row: 0) == .a && state.disc(column: 4, row: 1) == nil)
        let json = String(decoding: try JSONEncoder().encode(ConnectFour.View(board: ["A"], you: .a, moves: 1)), as: UTF8.self)
        #expect(json.contains(#""you":"A""#))
    }

    @Test("view → state → view gives back the same view and state, at every point of a game")
    func roundTrip() throws {
        var state = game.start(seed: 0)
        for column in Self.drawnGame {
            for seat in Seat.allCases {
                let view = game.view(of: state, for: seat)
                let rebuilt = try ConnectFour.state(from: view)
                #expect(rebuilt == state)
                #expect(game.view(of: rebuilt, for: seat) == view)
            }
            state = try game.apply([state.seatToMove: Move(String(column))], to: state)
        }
        let won = try play([0, 0, 1, 1, 2, 2, 3])
        #expect(try ConnectFour.state(from: game.view(of: won, for: .b)) == won)
    }

    @Test(
        "a view the rules cannot reach is refused",
        arguments: [
            (["......."], 0, "one row"),
            ([".......", ".......", ".......", ".......", ".......", "......"], 0, "a short row"),
            ([".......", ".......", ".......", ".......", ".......", "...x..."], 1, "a stray character"),
            ([".......", ".......", ".......", ".......", "...A...", "......B"], 2, "a floating disc"),
            ([".......", ".......", ".......", ".......", ".......", "...AA.."], 2, "two A discs, no B"),
            ([".......", ".......", ".......", ".......", ".......", "...B..."], 1, "B first"),
            ([".......", ".......", ".......", ".......", ".......", "...AB.."], 3, "the wrong move count"),
            ([".......", ".......", ".......", ".......", "B......", "AAAABBB"], 8, "B moved after A won"),
            ([".......", ".......", "B......", "B......", "BA.....", "BAAAA.."], 9, "both connect four"),
        ])
    func unreachableViews(board: [String], moves: Int, what: String) {
        #expect(throws: IllegalMove.self, "\(what)") { try ConnectFour.state(from: ConnectFour.View(board: board, you: .a, moves: moves)) }
    }
}
