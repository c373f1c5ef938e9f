extension ConnectFour {
    /// A seat's disc, as the board shows it: `A` or `B`.
    public enum Disc: String, Codable, Sendable, Hashable, CaseIterable {
        case a = "A"
        case b = "B"

        public init(_ seat: Seat) { self = seat == .a ? .a : .b }

        /// The seat whose disc this is.
        public var seat: Seat { self == .a ? .a : .b }

        var character: Character { self == .a ? "A" : "B" }
    }

    /// What a seat is shown: the whole board (nothing is hidden in Connect Four).
    public struct View: Codable, Sendable, Hashable {
        /// Six strings of seven characters, top row first, leftmost column first: `.` empty, `A`, `B`.
        public var board: [String]
        /// The disc of the seat shown this view.
        public var you: Disc
        /// Discs played so far.
        public var moves: Int

        public init(board: [String], you: Disc, moves: Int) {
            self.board = board
            self.you = you
            self.moves = moves
        }
    }

    /// The state a view shows, so a player can search from it; throws when the view is not a position the
    /// rules can reach (bad size or characters, floating discs, wrong disc counts, two winners).
    public static func state(from view: View) throws(IllegalMove) -> State {
        guard view.board.count == rows else { throw IllegalMove("the board has \(view.board.count) rows, not \(rows)") }
        var discsA: UInt64 = 0
        var discsB: UInt64 = 0
        for (index, line) in view.board.enumerated() {
            let row = rows - 1 - index
            let characters = Array(line.utf8)
            guard characters.count == columns else { throw IllegalMove("row \(index + 1) of the board is not \(columns) cells") }
            for (column, character) in characters.enumerated() {
                let cell = ConnectFourBits.cell(column: column, row: row)
                switch character {
                case UInt8(ascii: "A"): discsA |= cell
                case UInt8(ascii: "B"): discsB |= cell
                case UInt8(ascii: "."): break
                default: throw IllegalMove("row \(index + 1) of the board holds a cell that is not '.', 'A' or 'B'")
                }
            }
        }
        let state = State(discsA: discsA, discsB: discsB)
        try check(state, claimedMoves: view.moves)
        return state
    }

    private static func check(_ state: State, claimedMoves: Int) throws(IllegalMove) {
        for column in 0..<columns {
            let stack = (state.occupied & ConnectFourBits.column(column)) &>> UInt64(7 * column)
            guard stack & (stack &+ 1) == 0 else { throw IllegalMove("column \(column) has a disc above an empty cell") }
        }
        let a = state.discsA.nonzeroBitCount
        let b = state.discsB.nonzeroBitCount
        guard a == b || a == b + 1 else { throw IllegalMove("A has \(a) discs and B \(b): A moves first and they alternate") }
        guard claimedMoves == a + b else { throw IllegalMove("the view says \(claimedMoves) moves but the board holds \(a + b) discs") }
        let fourA = ConnectFourBits.hasFour(state.discsA)
        let fourB = ConnectFourBits.hasFour(state.discsB)
        guard !(fourA && fourB) else { throw IllegalMove("both seats connect four") }
        guard !fourA || a == b + 1, !fourB || a == b else { throw IllegalMove("a seat moved after the game was won") }
    }
}
