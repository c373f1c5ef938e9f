import LeagueGames
import LeagueProtocol

/// The name of a strategy for a game other than Even/Odd (`random`, `search`, `counter`), as
/// `league player --game GAME=STRATEGY` takes it. Which names a game has is up to ``GameStrategies``.
public struct MoveStrategyKind: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public var description: String { rawValue }
    public static func < (lhs: MoveStrategyKind, rhs: MoveStrategyKind) -> Bool { lhs.rawValue < rhs.rawValue }

    /// A uniformly random legal move (seeded per match and turn).
    public static let random: MoveStrategyKind = "random"
}

/// The strategies a player can play each game with (Even/Odd aside, which has ``StrategyKind``), by game
/// and name. The first strategy registered for a game is its default.
public struct GameStrategies: Sendable {
    private struct Entry: Sendable {
        let game: GameType
        let kind: MoveStrategyKind
        let make: @Sendable (UInt64) -> any MoveAnswering
    }

    private var entries: [Entry] = []

    /// No strategies.
    public init() {}

    /// Registers strategy `kind` for game `S.G`, made by `make` from a seed; a repeated registration of the
    /// same game and name replaces the earlier one.
    public mutating func register<S: GameStrategy & SendableMetatype>(_ kind: MoveStrategyKind, _ make: @escaping @Sendable (UInt64) -> S) {
        entries.removeAll { $0.game == S.G.type && $0.kind == kind }
        entries.append(Entry(game: S.G.type, kind: kind) { seed in StrategyBox(strategy: make(seed)) })
    }

    /// The games with at least one strategy, in registration order.
    public var games: [GameType] {
        var games: [GameType] = []
        for entry in entries where !games.contains(entry.game) { games.append(entry.game) }
        return games
    }

    /// The strategies of `game`, the default first.
    public func kinds(for game: GameType) -> [MoveStrategyKind] { entries.filter { $0.game == game }.map(\.kind) }

    /// A new strategy `kind` (default: the game's first) for `game`, or `nil` when there is none.
    func make(_ game: GameType, kind: MoveStrategyKind?, seed: UInt64) -> (any MoveAnswering)? {
        let candidates = entries.filter { $0.game == game }
        guard let entry = kind.map({ kind in candidates.first { $0.kind == kind } }) ?? candidates.first else { return nil }
        return entry.make(seed)
    }
}

/// A strategy for one game behind a type that does not name the game: it reads that game's MOVE_REQUEST
/// and picks a move.
protocol MoveAnswering {
    /// The request in `body`, decoded with the game's view, and the move for it.
    mutating func answer(_ body: [UInt8], codec: MessageCodec, leagueOrdinal: Int) throws(ProtocolError) -> (
        request: MoveRequestHeader, move: Move
    )
}

/// A ``GameStrategy`` as a ``MoveAnswering``.
struct StrategyBox<S: GameStrategy>: MoveAnswering {
    var strategy: S

    mutating func answer(_ body: [UInt8], codec: MessageCodec, leagueOrdinal: Int) throws(ProtocolError) -> (
        request: MoveRequestHeader, move: Move
    ) {
        let request = try codec.decode(MoveRequest<S.G.View>.self, from: body).body
        let context = MoveContext(
            matchID: request.matchID, seat: Seat(role: request.roleInMatch), legalMoves: request.legalMoves.map(Move.init(_:)),
            turn: request.turn, leagueOrdinal: leagueOrdinal)
        let header = MoveRequestHeader(
            matchID: request.matchID, playerID: request.playerID, gameType: request.gameType, turn: request.turn,
            legalMoves: request.legalMoves, deadline: request.deadline, roleInMatch: request.roleInMatch)
        return (header, strategy.move(request.state, context: context))
    }
}
