import LeagueProtocol

/// A game whose options are settled, ready to start matches, behind a type that does not name the game.
public struct AnyGame: Sendable {
    public let type: GameType
    public let invalidMovePolicy: InvalidMovePolicy
    private let starter: @Sendable (UInt64) -> any MatchSession

    public init<G: Game>(_ game: G) {
        type = G.type
        invalidMovePolicy = game.invalidMovePolicy
        starter = { seed in GameSession(game: game, seed: seed) }
    }

    /// A new match of this game; `seed` drives any randomness of the rules.
    public func start(seed: UInt64) -> any MatchSession { starter(seed) }
}

/// Why a catalog could not make a game.
public enum GameCatalogError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The catalog has no game of this type.
    case unknownGame(GameType)
    /// The game refused these options.
    case invalidOptions(GameType, InvalidGameOptions)

    public var description: String {
        switch self {
        case .unknownGame(let type): "unknown game \"\(type.rawValue.prefix(32))\""
        case .invalidOptions(let type, let error): "invalid game_options for \(type.rawValue): \(error.detail)"
        }
    }
}

/// The games an agent knows, by wire name. The referee runs any of them through ``MatchSession``
/// without knowing which it is.
///
/// Adding a game to the league is one line in ``builtIn``.
public struct GameCatalog: Sendable {
    private struct Entry: Sendable {
        let type: GameType
        let make: @Sendable (GameOptions) throws(InvalidGameOptions) -> AnyGame
    }

    private let entries: [Entry]

    /// A catalog of `games`, in this order; a later game of a type already listed is left out.
    public init(_ games: [any Game.Type]) {
        var entries: [Entry] = []
        for game in games where !entries.contains(where: { $0.type == game.type }) { entries.append(Self.entry(for: game)) }
        self.entries = entries
    }

    private static func entry<G: Game>(for _: G.Type) -> Entry {
        Entry(type: G.type) { options throws(InvalidGameOptions) in AnyGame(try G(options: options)) }
    }

    /// Every game this project plays.
    public static let builtIn = GameCatalog([
        EvenOdd.self,
        RockPaperScissors.self,
        ConnectFour.self,
    ])

    /// The games of this catalog, in catalog order.
    public var types: [GameType] { entries.map(\.type) }

    public func contains(_ type: GameType) -> Bool { entries.contains { $0.type == type } }

    /// Game `type` with `options` (empty: its defaults).
    public func make(_ type: GameType, options: GameOptions = [:]) throws(GameCatalogError) -> AnyGame {
        guard let entry = entries.first(where: { $0.type == type }) else { throw .unknownGame(type) }
        do {
            return try entry.make(options)
        } catch {
            throw .invalidOptions(type, error)
        }
    }

    /// A new match of game `type` with `options`, seeded with `seed`.
    public func session(for type: GameType, options: GameOptions = [:], seed: UInt64) throws(GameCatalogError) -> any MatchSession {
        try make(type, options: options).start(seed: seed)
    }
}
