import LeagueProtocol

/// A seat in a two-player match: `PLAYER_A` or `PLAYER_B`.
public enum Seat: Int, Sendable, Hashable, CaseIterable, Comparable, Codable {
    case a = 0
    case b = 1

    /// The other seat.
    public var other: Seat { self == .a ? .b : .a }

    /// The seat's name on the wire.
    public var role: MatchRole { self == .a ? .playerA : .playerB }

    /// The seat of a role on the wire.
    public init(role: MatchRole) { self = role == .playerA ? .a : .b }

    public static func < (lhs: Seat, rhs: Seat) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A move as it travels: short text the game parses (`"even"`, `"rock"`, `"3"`).
public struct Move: TextValue {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// Who moves next.
public enum Turn: Sendable, Hashable {
    /// Sequential: only this seat moves now.
    case one(Seat)
    /// Simultaneous: both seats move, each without seeing the other's move; the moves are applied together.
    case both
    /// The game is decided: ``Game/outcome(of:)`` says how.
    case over

    /// The seats that must move now.
    public var seats: [Seat] {
        switch self {
        case .one(let seat): [seat]
        case .both: [.a, .b]
        case .over: []
        }
    }
}

/// How a decided game ended, in the terms every league understands: a winner or a draw, game points per
/// seat, and a sentence for people. Technical losses are not outcomes of the rules: the referee decides
/// them (late, absent, illegal move) without asking the game.
public struct GameOutcome: Sendable, Hashable {
    public enum Result: Sendable, Hashable {
        case win(Seat)
        case draw
    }

    public var result: Result
    /// Game points per seat (throws won in best-of-N, say); for people, not for league scoring.
    public var score: [Seat: Int]
    public var reason: String

    public init(result: Result, score: [Seat: Int] = [:], reason: String) {
        self.result = result
        self.score = score
        self.reason = reason
    }

    /// The winning seat, `nil` for a draw.
    public var winner: Seat? {
        if case .win(let seat) = result { return seat }
        return nil
    }
}

/// What happens to a player whose move the rules refuse.
public enum InvalidMovePolicy: Sendable, Hashable {
    /// The referee answers GAME_ERROR and the player may send a legal move until the deadline.
    case askAgain
    /// The move is a technical loss at once.
    case technicalLoss
}

/// A move the rules refuse, with the reason the player is told.
public struct IllegalMove: Error, Sendable, Hashable, CustomStringConvertible {
    public var detail: String
    public init(_ detail: String) { self.detail = detail }
    public var description: String { detail }
}

/// Game options (`game_options`) this game cannot play with.
public struct InvalidGameOptions: Error, Sendable, Hashable, CustomStringConvertible {
    public var detail: String
    public init(_ detail: String) { self.detail = detail }
    public var description: String { detail }
}

/// The rules of a two-player game, pure: no clock, no socket, no randomness but the seed of the match.
///
/// The referee runs every game through this protocol; players' strategies see the game through ``View``;
/// `league replay` can re-run a match from its seed and moves.
public protocol Game: Sendable {
    /// Everything the rules need to go on: board, score, whose turn, and any seeded randomness.
    associatedtype State: Sendable, Hashable
    /// What a seat is shown in a move request (`state` of MOVE_REQUEST): nothing it must not know.
    associatedtype View: Codable, Sendable, Hashable

    /// The game's name on the wire.
    static var type: GameType { get }

    /// A game with these options (empty: the defaults); throws when an option is unknown or out of range.
    init(options: GameOptions) throws(InvalidGameOptions)

    /// What becomes of a refused move.
    var invalidMovePolicy: InvalidMovePolicy { get }

    /// The state before the first move; `seed` drives any randomness of the rules (a draw, say).
    func start(seed: UInt64) -> State

    /// Who moves next.
    func turn(in state: State) -> Turn

    /// The moves `seat` may make now (empty when it is not its turn).
    func legalMoves(in state: State, for seat: Seat) -> [Move]

    /// Applies the moves of every seat on turn (one for a sequential game, both for a simultaneous one).
    func apply(_ moves: [Seat: Move], to state: State) throws(IllegalMove) -> State

    /// How the game ended, or `nil` while it goes on. Non-nil exactly when ``turn(in:)`` is `.over`.
    func outcome(of state: State) -> GameOutcome?

    /// The state as `seat` sees it.
    func view(of state: State, for seat: Seat) -> View
}
