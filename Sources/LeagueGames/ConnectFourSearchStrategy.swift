import LeagueProtocol

/// Plays Connect Four by a depth-limited negamax search with alpha-beta pruning.
///
/// Every node takes an immediate win, blocks the opponent's immediate win (and gives up when there are two
/// to block), and never drops a disc just under a cell where the opponent would connect four. Columns are
/// tried centre first; at the depth limit a position is scored by ``ConnectFourEvaluation``. The search is
/// deterministic: equal scores go to the column nearer the centre (left before right), so the same view
/// gets the same move.
public struct ConnectFourSearchStrategy: GameStrategy, Sendable, Hashable {
    public typealias G = ConnectFour

    /// The depth when none is given: six plies.
    public static let defaultDepth = 6
    /// The depths a search may be given.
    public static let depthRange = 1...12

    /// Plies searched below the root (clamped to ``depthRange``).
    public let depth: Int

    /// A search `depth` plies deep; a depth outside ``depthRange`` is clamped into it.
    public init(depth: Int = ConnectFourSearchStrategy.defaultDepth) {
        self.depth = min(max(depth, Self.depthRange.lowerBound), Self.depthRange.upperBound)
    }

    /// The searched column as a move, if it is one of `context.legalMoves`; otherwise (a view the rules
    /// cannot reach, say) the legal move nearest the centre.
    public mutating func move(_ view: ConnectFour.View, context: MoveContext) -> Move {
        if let state = try? ConnectFour.state(from: view), let column = bestColumn(in: state) {
            let move = ConnectFour.columnMoves[column]
            if context.legalMoves.contains(move) { return move }
        }
        let fallback = (0..<ConnectFour.columns).map { ConnectFour.columnMoves[ConnectFourBits.centreFirst($0)] }
        return fallback.first(where: context.legalMoves.contains) ?? context.legalMoves.first ?? Move("")
    }

    /// The column the search picks for the seat on turn; `nil` when the game is over.
    public func bestColumn(in state: ConnectFour.State) -> Int? {
        guard !state.isDecided else { return nil }
        let root = Position(state)
        let playable = ConnectFourBits.playable(root.occupied)
        if let win = Self.firstColumn(in: ConnectFourBits.winningCells(root.mine, occupied: root.occupied) & playable) {
            return win
        }
        var candidates = root.safeMoves(playable: playable)
        if candidates == 0 {  // every move loses: still block if there is something to block
            let threats = ConnectFourBits.winningCells(root.theirs, occupied: root.occupied) & playable
            candidates = threats != 0 ? threats : playable
        }
        var best: Int?
        var alpha = -Self.infinity
        for index in 0..<ConnectFour.columns {
            let column = ConnectFourBits.centreFirst(index)
            let cell = candidates & ConnectFourBits.column(column)
            guard cell != 0 else { continue }
            let score = -Self.negamax(root.playing(cell), depth: depth - 1, alpha: -Self.infinity, beta: -alpha)
            if score > alpha {
                best = column
                alpha = score
            }
        }
        return best
    }

    static let win = 1_000_000
    static let infinity = 2_000_000

    /// The score of `position` for the seat on turn: `win - discs` for a win it can force (sooner is
    /// better), the negative for a loss, else the evaluation at the depth limit. Fail-soft.
    static func negamax(_ position: Position, depth: Int, alpha: Int, beta: Int) -> Int {
        let playable = ConnectFourBits.playable(position.occupied)
        guard playable != 0 else { return 0 }  // full board: a draw
        if ConnectFourBits.winningCells(position.mine, occupied: position.occupied) & playable != 0 {
            return win - position.moves - 1
        }
        let candidates = position.safeMoves(playable: playable)
        guard candidates != 0 else { return -(win - position.moves - 2) }  // the opponent wins next move
        guard depth > 0 else { return ConnectFourEvaluation.score(position) }
        var alpha = alpha
        var best = -infinity
        for index in 0..<ConnectFour.columns {
            let cell = candidates & ConnectFourBits.column(ConnectFourBits.centreFirst(index))
            guard cell != 0 else { continue }
            let score = -negamax(position.playing(cell), depth: depth - 1, alpha: -beta, beta: -alpha)
            if score > best {
                best = score
                if score > alpha {
                    alpha = score
                    if alpha >= beta { break }
                }
            }
        }
        return best
    }

    /// The first column, centre first, with a cell in `cells`.
    static func firstColumn(in cells: UInt64) -> Int? {
        (0..<ConnectFour.columns).lazy.map(ConnectFourBits.centreFirst).first { cells & ConnectFourBits.column($0) != 0 }
    }
}

extension ConnectFourSearchStrategy {
    /// A position as the search sees it: the discs of the seat on turn and every disc.
    struct Position {
        var mine: UInt64
        var occupied: UInt64

        init(_ state: ConnectFour.State) {
            occupied = state.occupied
            mine = state.seatToMove == .a ? state.discsA : state.discsB
        }

        var theirs: UInt64 { mine ^ occupied }
        var moves: Int { occupied.nonzeroBitCount }

        /// The position after the seat on turn fills `cell`; the other seat is then on turn.
        @inline(__always) func playing(_ cell: UInt64) -> Position {
            var next = self
            next.mine = theirs
            next.occupied |= cell
            return next
        }

        /// Playable cells that do not lose at once: the one block when the opponent threatens to win,
        /// none when it threatens twice, and never a cell just under one where the opponent would win.
        @inline(__always) func safeMoves(playable: UInt64) -> UInt64 {
            let threats = ConnectFourBits.winningCells(theirs, occupied: occupied)
            var moves = playable & ~(threats &>> 1)
            let forced = threats & playable
            if forced != 0 {
                if forced & (forced &- 1) != 0 { return 0 }
                moves &= forced
            }
            return moves
        }
    }
}
