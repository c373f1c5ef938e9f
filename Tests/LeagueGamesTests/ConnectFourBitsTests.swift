import LeagueProtocol
import Testing

@testable import LeagueGames

/// The bitboard shortcuts, checked against plain loops over the 69 windows of four cells.
@Suite("Connect Four bitboards")
struct ConnectFourBitsTests {
    /// Every window of four cells in a line, as (column, row) cells.
    static let windows: [[(Int, Int)]] = {
        var windows: [[(Int, Int)]] = []
        for column in 0..<7 {
            for row in 0..<6 {
                for (dc, dr) in [(1, 0), (0, 1), (1, 1), (1, -1)] {
                    let cells = (0..<4).map { (column + dc * $0, row + dr * $0) }
                    if cells.allSatisfy({ (0..<7).contains($0.0) && (0..<6).contains($0.1) }) { windows.append(cells) }
                }
            }
        }
        return windows
    }()

    static func mask(_ cells: [(Int, Int)]) -> UInt64 {
        cells.reduce(0) { $0 | ConnectFourBits.cell(column: $1.0, row: $1.1) }
    }

    /// Positions met in random games (seeded), every prefix of each.
    static func positions() throws -> [ConnectFour.State] {
        let game = ConnectFour()
        var generator = SeededGenerator(seed: 77)
        var positions: [ConnectFour.State] = []
        for _ in 0..<40 {
            var state = game.start(seed: 0)
            while game.outcome(of: state) == nil {
                positions.append(state)
                let seat = state.seatToMove
                let move = try #require(game.legalMoves(in: state, for: seat).randomElement(using: &generator))
                state = try game.apply([seat: move], to: state)
            }
            positions.append(state)
        }
        return positions
    }

    @Test("there are 69 windows, and the board and bottom-row masks are what they say")
    func masks() {
        #expect(Self.windows.count == 69)
        #expect(ConnectFourBits.board.nonzeroBitCount == 42 && ConnectFourBits.bottomRow.nonzeroBitCount == 7)
        #expect(ConnectFourBits.board == Self.mask((0..<7).flatMap { c in (0..<6).map { (c, $0) } }))
        #expect((0..<7).map(ConnectFourBits.centreFirst) == [3, 2, 4, 1, 5, 0, 6])
    }

    @Test("four in a row and the cells that would make four agree with the windows")
    func fourAndWinningCells() throws {
        for state in try Self.positions() {
            for discs in [state.discsA, state.discsB] {
                let four = Self.windows.contains { discs & Self.mask($0) == Self.mask($0) }
                #expect(ConnectFourBits.hasFour(discs) == four)
                var expected: UInt64 = 0
                for window in Self.windows {
                    let open = Self.mask(window) & ~state.occupied
                    if open.nonzeroBitCount == 1, discs & Self.mask(window) == Self.mask(window) & ~open { expected |= open }
                }
                #expect(ConnectFourBits.winningCells(discs, occupied: state.occupied) == expected)
            }
        }
    }

    @Test("the evaluation counts open threes and twos as the windows do")
    func evaluation() throws {
        for state in try Self.positions() where !state.isDecided {
            let position = ConnectFourSearchStrategy.Position(state)
            func lines(_ discs: UInt64, _ others: UInt64) -> Int {
                Self.windows.reduce(0) { total, window in
                    let cells = Self.mask(window)
                    guard cells & others == 0 else { return total }
                    switch (discs & cells).nonzeroBitCount {
                    case 3: return total + ConnectFourEvaluation.three
                    case 2: return total + ConnectFourEvaluation.two
                    default: return total
                    }
                }
            }
            let centre = (0..<6).reduce(0) { total, row in
                let cell = ConnectFourBits.cell(column: 3, row: row)
                return total + (position.mine & cell != 0 ? 1 : 0) - (position.theirs & cell != 0 ? 1 : 0)
            }
            let expected =
                lines(position.mine, position.theirs) - lines(position.theirs, position.mine) + ConnectFourEvaluation.centre * centre
            #expect(ConnectFourEvaluation.score(position) == expected)
        }
    }
}
