import LeagueProtocol

/// Rock-Paper-Scissors, best of N (`rps`): both seats throw together; the first to win ⌈N/2⌉ throws wins.
///
/// A drawn throw (the same move twice) counts toward nothing and is thrown again, but a match has at most
/// 3·N throws: when that cap is reached the seat with more throws won wins, and equal throws won is a draw.
/// A throw the rules refuse is asked again (``invalidMovePolicy`` is ``InvalidMovePolicy/askAgain``).
/// The seed is unused: the game has no randomness of its own.
public struct RockPaperScissors: Game, Hashable {
    public static let type: GameType = "rps"

    /// The option that sets N (`game_options: {"best_of": 5}`).
    public static let bestOfOption = "best_of"
    /// N when the league names none.
    public static let defaultBestOf = 3
    /// The values `best_of` may take (odd ones only).
    public static let bestOfRange = 1...99

    /// N: the match is best of this many decided throws.
    public let bestOf: Int

    /// Throws a seat must win to win the match: ⌈N/2⌉.
    public var throwsToWin: Int { (bestOf + 1) / 2 }

    /// The most throws a match has, drawn throws included: 3·N.
    public var throwCap: Int { 3 * bestOf }

    public var invalidMovePolicy: InvalidMovePolicy { .askAgain }

    /// A match best of `bestOf` (odd, 1…99).
    public init(bestOf: Int = RockPaperScissors.defaultBestOf) throws(InvalidGameOptions) {
        guard Self.bestOfRange.contains(bestOf), bestOf % 2 == 1 else {
            throw InvalidGameOptions("best_of must be an odd number from 1 to 99, not \(bestOf)")
        }
        self.bestOf = bestOf
    }

    /// Reads `best_of` (default 3); any other option is refused.
    public init(options: GameOptions) throws(InvalidGameOptions) {
        if let unknown = options.keys.filter({ $0 != Self.bestOfOption }).sorted().first {
            throw InvalidGameOptions("rps has no option \"\(unknown)\" (it knows \(Self.bestOfOption))")
        }
        try self.init(bestOf: options[Self.bestOfOption] ?? Self.defaultBestOf)
    }

    public func start(seed: UInt64) -> State { State() }

    public func turn(in state: State) -> Turn {
        isOver(state) ? .over : .both
    }

    public func legalMoves(in state: State, for seat: Seat) -> [Move] {
        isOver(state) ? [] : Throw.allCases.map(\.move)
    }

    /// Plays one throw: `moves` holds a throw for each seat.
    public func apply(_ moves: [Seat: Move], to state: State) throws(IllegalMove) -> State {
        guard !isOver(state) else { throw IllegalMove("the match is over") }
        let a = try Self.parse(moves[.a], of: .a)
        let b = try Self.parse(moves[.b], of: .b)
        var next = state
        next.record(PlayedThrow(a: a, b: b))
        return next
    }

    public func outcome(of state: State) -> GameOutcome? {
        guard isOver(state) else { return nil }
        let a = state.wins(.a)
        let b = state.wins(.b)
        let score: [Seat: Int] = [.a: a, .b: b]
        let atCap = a < throwsToWin && b < throwsToWin
        let cap = atCap ? " at the \(throwCap)-throw cap" : ""
        guard a != b else { return GameOutcome(result: .draw, score: score, reason: "draw \(a)–\(b)\(cap)") }
        let winner: Seat = a > b ? .a : .b
        let reason = "\(winner.role.rawValue) wins \(max(a, b))–\(min(a, b))\(cap)"
        return GameOutcome(result: .win(winner), score: score, reason: reason)
    }

    public func view(of state: State, for seat: Seat) -> View {
        View(
            bestOf: bestOf, throwNumber: state.history.count + 1, yourWins: state.wins(seat),
            opponentWins: state.wins(seat.other),
            history: state.history.map { View.PastThrow(you: $0[seat], opponent: $0[seat.other]) })
    }

    private func isOver(_ state: State) -> Bool {
        state.wins(.a) >= throwsToWin || state.wins(.b) >= throwsToWin || state.history.count >= throwCap
    }

    private static func parse(_ move: Move?, of seat: Seat) throws(IllegalMove) -> Throw {
        guard let move else { throw IllegalMove("\(seat.role.rawValue) has not thrown: both seats throw together") }
        guard let played = Throw(rawValue: move.rawValue) else {
            throw IllegalMove("\"\(move.rawValue)\" is not a throw: rock, paper or scissors")
        }
        return played
    }
}

extension RockPaperScissors {
    /// The match so far: every throw, and the throws each seat has won.
    public struct State: Sendable, Hashable {
        /// Every throw so far, drawn ones included, in order.
        public private(set) var history: [PlayedThrow] = []
        private var winsA = 0
        private var winsB = 0

        init() {}

        /// The throws `seat` has won.
        public func wins(_ seat: Seat) -> Int { seat == .a ? winsA : winsB }

        mutating func record(_ played: PlayedThrow) {
            history.append(played)
            switch played.winner {
            case .a: winsA += 1
            case .b: winsB += 1
            case nil: break
            }
        }
    }

    /// One throw of both seats.
    public struct PlayedThrow: Sendable, Hashable {
        public var a: Throw
        public var b: Throw

        public init(a: Throw, b: Throw) {
            self.a = a
            self.b = b
        }

        /// The throw of `seat`.
        public subscript(seat: Seat) -> Throw { seat == .a ? a : b }

        /// The seat whose throw beats the other's; `nil` when both threw the same.
        public var winner: Seat? {
            if a.beats(b) { return .a }
            if b.beats(a) { return .b }
            return nil
        }
    }
}
