import LeagueProtocol

/// A seat's move as it was played.
public struct PlayedMove: Sendable, Hashable {
    public var seat: Seat
    public var move: Move

    public init(seat: Seat, move: Move) {
        self.seat = seat
        self.move = move
    }
}

/// What a game shows a seat (its ``Game/View``), without naming the game.
public typealias GameView = Codable & Sendable & Hashable

/// A move the session refused, and whose it was.
public struct RefusedMove: Error, Sendable, Hashable, CustomStringConvertible {
    public var seat: Seat
    public var reason: IllegalMove

    public init(seat: Seat, reason: IllegalMove) {
        self.seat = seat
        self.reason = reason
    }

    public var description: String { "\(seat.role.rawValue): \(reason.detail)" }
}

/// One match of some game in progress: the rules and the state together, behind a type that does not
/// name the game, so a referee can run any game of its catalog the same way.
///
/// Made by ``GameCatalog/session(for:options:seed:)`` or ``AnyGame/start(seed:)``; a value, owned by one match.
public protocol MatchSession: Sendable {
    var gameType: GameType { get }
    var invalidMovePolicy: InvalidMovePolicy { get }
    /// Who moves next.
    var turn: Turn { get }
    /// How the game ended, or `nil` while it goes on.
    var outcome: GameOutcome? { get }
    /// Every move applied so far, in play order (a simultaneous turn's moves seat A first).
    var moves: [PlayedMove] { get }
    /// The moves `seat` may make now; empty when it is not on turn.
    func legalMoves(for seat: Seat) -> [Move]
    /// Whether `seat` may make `move` now; throws the reason it may not.
    func check(_ move: Move, for seat: Seat) throws(RefusedMove)
    /// The state as `seat` sees it (MOVE_REQUEST's `state`).
    func view(for seat: Seat) -> any GameView
    /// Applies the moves of every seat on turn: all of them at once, each checked first.
    mutating func apply(_ moves: [Seat: Move]) throws(RefusedMove)
}

/// One match of game `G`: its rules, its state and the moves played.
public struct GameSession<G: Game>: MatchSession {
    public let game: G
    public private(set) var state: G.State
    public private(set) var moves: [PlayedMove] = []

    public init(game: G, seed: UInt64) {
        self.game = game
        state = game.start(seed: seed)
    }

    public var gameType: GameType { G.type }
    public var invalidMovePolicy: InvalidMovePolicy { game.invalidMovePolicy }
    public var turn: Turn { game.turn(in: state) }
    public var outcome: GameOutcome? { game.outcome(of: state) }
    public func legalMoves(for seat: Seat) -> [Move] { game.legalMoves(in: state, for: seat) }
    public func view(for seat: Seat) -> any GameView { game.view(of: state, for: seat) }
    /// The typed view, for tests and tools that know the game.
    public func typedView(for seat: Seat) -> G.View { game.view(of: state, for: seat) }

    public func check(_ move: Move, for seat: Seat) throws(RefusedMove) {
        guard turn.seats.contains(seat) else { throw RefusedMove(seat: seat, reason: IllegalMove("it is not your turn")) }
        guard legalMoves(for: seat).contains(move) else {
            let legal = legalMoves(for: seat).map(\.rawValue).joined(separator: ", ")
            throw RefusedMove(seat: seat, reason: IllegalMove("\"\(move.rawValue.prefix(20))\" is not one of: \(legal.prefix(200))"))
        }
    }

    public mutating func apply(_ moves: [Seat: Move]) throws(RefusedMove) {
        let seats = turn.seats
        for seat in seats {
            guard let move = moves[seat] else { throw RefusedMove(seat: seat, reason: IllegalMove("no move from \(seat.role.rawValue)")) }
            try check(move, for: seat)
        }
        if let stranger = moves.keys.sorted().first(where: { !seats.contains($0) }) {
            throw RefusedMove(seat: stranger, reason: IllegalMove("it is not your turn"))
        }
        do {
            state = try game.apply(moves, to: state)
        } catch {
            // The rules refused moves their own legal moves allowed: blame the first seat on turn.
            throw RefusedMove(seat: seats.first ?? .a, reason: error)
        }
        for seat in seats { if let move = moves[seat] { self.moves.append(PlayedMove(seat: seat, move: move)) } }
    }
}
