import LeagueGames
import Testing

@Suite("Connect Four search strategy")
struct ConnectFourSearchTests {
    let game = ConnectFour()

    func state(_ columns: [Int]) throws -> ConnectFour.State {
        var state = game.start(seed: 0)
        for column in columns { state = try game.apply([state.seatToMove: Move(String(column))], to: state) }
        return state
    }

    @Test("it takes a win, blocks a threat, prefers winning to blocking, and sets up a double threat", arguments: [1, 2, 4, 6])
    func tactics(depth: Int) throws {
        let search = ConnectFourSearchStrategy(depth: depth)
        #expect(search.bestColumn(in: try state([0, 0, 1, 1, 2, 6])) == 3, "A wins at 3")
        #expect(search.bestColumn(in: try state([0, 6, 1, 6, 2])) == 3, "B blocks at 3")
        #expect(search.bestColumn(in: try state([0, 6, 1, 6, 2, 6])) == 3, "A wins at 3 rather than block at 6")
        #expect(search.bestColumn(in: try state([0, 1, 0, 1, 0])) == 0, "B blocks on top of A's three in column 0")
        if depth >= 3 {
            #expect(search.bestColumn(in: try state([1, 1, 2, 2])) == 3, "A makes _AAA_ on the bottom row")
        }
        #expect(search.bestColumn(in: try state([0, 0, 1, 1, 2, 2, 3])) == nil, "the game is over")
    }

    @Test("it answers a view with a legal move, the same one every time, and opens in the centre")
    func deterministic() throws {
        var search = ConnectFourSearchStrategy()
        #expect(search.depth == ConnectFourSearchStrategy.defaultDepth)
        let start = game.start(seed: 0)
        let context = MoveContext(matchID: "m", seat: .a, legalMoves: game.legalMoves(in: start, for: .a), turn: 1)
        #expect(search.move(game.view(of: start, for: .a), context: context) == "3")
        let position = try state([3, 3, 2, 4, 4, 2])
        let view = game.view(of: position, for: .a)
        let legal = MoveContext(matchID: "m", seat: .a, legalMoves: game.legalMoves(in: position, for: .a), turn: 4)
        let first = search.move(view, context: legal)
        #expect(legal.legalMoves.contains(first))
        var another = ConnectFourSearchStrategy()
        #expect(search.move(view, context: legal) == first && another.move(view, context: legal) == first)
    }

    @Test("a view it cannot read gets the legal move nearest the centre")
    func unreadableView() {
        var search = ConnectFourSearchStrategy(depth: 2)
        let broken = ConnectFour.View(board: ["nonsense"], you: .a, moves: 0)
        let context = MoveContext(matchID: "m", seat: .a, legalMoves: ["0", "5", "6"], turn: 1)
        #expect(search.move(broken, context: context) == "5")
        #expect(search.move(broken, context: MoveContext(matchID: "m", seat: .a, legalMoves: [], turn: 1)) == "")
    }

    @Test("depths are clamped to 1…12")
    func depths() {
        #expect(ConnectFourSearchStrategy(depth: 0).depth == 1)
        #expect(ConnectFourSearchStrategy(depth: 99).depth == 12)
        #expect(ConnectFourSearchStrategy(depth: 4).depth == 4)
    }

    /// The done-when of issue 8: the search beats random play in at least 90 % of 200 seeded games, taking
    /// each seat in turn; only wins count.
    @Test("at depth 4 it beats random play in at least 180 of 200 games, either seat")
    func beatsRandom() throws {
        let driver = GameDriver(game: game)
        var wins = 0
        var winsBySeat: [Seat: Int] = [:]
        for index in 0..<200 {
            var search = ConnectFourSearchStrategy(depth: 4)
            var random = RandomMoveStrategy<ConnectFour>(seed: 20_250_801)
            let searchSeat: Seat = index % 2 == 0 ? .a : .b
            let matchID = "c4-\(index)"
            let outcome =
                searchSeat == .a
                ? try driver.play(&search, &random, matchID: matchID) : try driver.play(&random, &search, matchID: matchID)
            if outcome.winner == searchSeat {
                wins += 1
                winsBySeat[searchSeat, default: 0] += 1
            }
        }
        #expect(wins >= 180, "won \(wins) of 200 (as A: \(winsBySeat[.a] ?? 0), as B: \(winsBySeat[.b] ?? 0))")
        #expect(winsBySeat[.a, default: 0] >= 90 && winsBySeat[.b, default: 0] >= 90)
    }
}
