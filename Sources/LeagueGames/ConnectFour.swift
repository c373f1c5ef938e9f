import LeagueProtocol

/// Connect Four (`connect_four`): 7 columns × 6 rows, discs drop to the lowest empty cell, `PLAYER_A`
/// moves first. Four in a row — horizontal, vertical or diagonal — wins; a full board without one is a
/// draw. A move is a column number as text, `"0"` (leftmost) to `"6"`. A move the rules refuse is a
/// technical loss (``invalidMovePolicy`` is ``InvalidMovePolicy/technicalLoss``). No options; the seed is
/// unused.
public struct ConnectFour: Game, Hashable {
    public static let type: GameType = "connect_four"

    /// Columns of the board.
    public static let columns = ConnectFourBits.columns
    /// Rows of the board.
    public static let rows = ConnectFourBits.rows

    /// The move that drops a disc in each column, `"0"` … `"6"`.
    public static let columnMoves: [Move] = (0..<columns).map { Move(String($0)) }

    public var invalidMovePolicy: InvalidMovePolicy { .technicalLoss }

    public init() {}

    /// Connect Four has no options: any is refused.
    public init(options: GameOptions) throws(InvalidGameOptions) {
        if let unknown = options.keys.sorted().first {
            throw InvalidGameOptions("connect_four has no options (got \"\(unknown)\")")
        }
    }

    public func start(seed: UInt64) -> State { State() }

    public func turn(in state: State) -> Turn {
        state.isDecided ? .over : .one(state.seatToMove)
    }

    public func legalMoves(in state: State, for seat: Seat) -> [Move] {
        guard !state.isDecided, seat == state.seatToMove else { return [] }
        return (0..<Self.columns).filter { !state.isFull(column: $0) }.map { Self.columnMoves[$0] }
    }

    /// Drops the disc of the seat on turn in the column its move names.
    public func apply(_ moves: [Seat: Move], to state: State) throws(IllegalMove) -> State {
        guard !state.isDecided else { throw IllegalMove("the game is over") }
        let seat = state.seatToMove
        if moves[seat.other] != nil { throw IllegalMove("it is \(seat.role.rawValue)'s turn, not \(seat.other.role.rawValue)'s") }
        guard let move = moves[seat] else { throw IllegalMove("\(seat.role.rawValue) has not moved") }
        let column = try Self.column(of: move)
        guard !state.isFull(column: column) else { throw IllegalMove("column \(column) is full") }
        return state.dropping(in: column)
    }

    public func outcome(of state: State) -> GameOutcome? {
        if let winner = state.winner {
            return GameOutcome(
                result: .win(winner), score: [winner: 1, winner.other: 0], reason: "\(winner.role.rawValue) connects four")
        }
        guard state.isFull else { return nil }
        return GameOutcome(result: .draw, score: [.a: 0, .b: 0], reason: "the board is full")
    }

    public func view(of state: State, for seat: Seat) -> View {
        let board = (0..<Self.rows).reversed().map { row in
            String((0..<Self.columns).map { state.disc(column: $0, row: row).map { Disc($0).character } ?? "." })
        }
        return View(board: board, you: Disc(seat), moves: state.moves)
    }

    /// The column a move names: exactly `"0"` … `"6"`.
    public static func column(of move: Move) throws(IllegalMove) -> Int {
        if let column = columnMoves.firstIndex(of: move) { return column }
        if !move.rawValue.isEmpty, move.rawValue.utf8.allSatisfy({ (0x30...0x39).contains($0) }) {
            throw IllegalMove("column \(move.rawValue) is not on the board (0–6)")
        }
        throw IllegalMove("\"\(move.rawValue)\" is not a column number (0–6)")
    }
}

extension ConnectFour {
    /// The board as two bitboards, one per seat (bit 7·column + row, row 0 at the bottom): cheap to copy,
    /// hash and play on.
    public struct State: Sendable, Hashable {
        /// `PLAYER_A`'s discs.
        var discsA: UInt64
        /// `PLAYER_B`'s discs.
        var discsB: UInt64

        init(discsA: UInt64 = 0, discsB: UInt64 = 0) {
            self.discsA = discsA
            self.discsB = discsB
        }

        var occupied: UInt64 { discsA | discsB }

        /// Discs played so far.
        public var moves: Int { occupied.nonzeroBitCount }

        /// The seat whose turn it is when the game goes on: `PLAYER_A` after an even number of discs.
        public var seatToMove: Seat { moves % 2 == 0 ? .a : .b }

        /// Whether every cell holds a disc.
        public var isFull: Bool { occupied == ConnectFourBits.board }

        /// The seat with four in a row, if any.
        public var winner: Seat? {
            if ConnectFourBits.hasFour(discsA) { return .a }
            if ConnectFourBits.hasFour(discsB) { return .b }
            return nil
        }

        var isDecided: Bool { isFull || winner != nil }

        /// The disc in `column` (0…6, left to right) and `row` (0…5, bottom up), `nil` when empty or off the board.
        public func disc(column: Int, row: Int) -> Seat? {
            guard (0..<ConnectFourBits.columns).contains(column), (0..<ConnectFourBits.rows).contains(row) else { return nil }
            let cell = ConnectFourBits.cell(column: column, row: row)
            if discsA & cell != 0 { return .a }
            if discsB & cell != 0 { return .b }
            return nil
        }

        /// Discs in `column`, 0…6.
        public func height(column: Int) -> Int {
            guard (0..<ConnectFourBits.columns).contains(column) else { return 0 }
            return (occupied & ConnectFourBits.column(column)).nonzeroBitCount
        }

        /// Whether `column` (0…6) has no room; `true` for a column off the board.
        public func isFull(column: Int) -> Bool { height(column: column) >= ConnectFourBits.rows }

        /// The state after the seat on turn drops a disc in `column`, which must not be full.
        func dropping(in column: Int) -> State {
            let cell = ConnectFourBits.playable(occupied) & ConnectFourBits.column(column)
            var next = self
            if seatToMove == .a { next.discsA |= cell } else { next.discsB |= cell }
            return next
        }
    }
}
