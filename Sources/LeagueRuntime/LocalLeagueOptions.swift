import LeagueAgent
import LeagueManager
import LeaguePlayer
import LeagueProtocol

/// What a ``LocalLeague`` runs: how many agents, their strategies and deadlines, and the seed.
public struct LocalLeagueOptions: Sendable, Hashable {
    public var players: Int
    public var referees: Int
    /// Matches each referee runs at once.
    public var refereeCapacity: Int
    /// Seeds the league's draws and, offset by the player's number, each player's strategy.
    public var seed: UInt64
    /// Where the manager binds; a wildcard port (`tcp://127.0.0.1:*`) picks a free one.
    public var endpoint: String
    /// Strategies handed out to players in turn.
    public var strategies: [StrategyKind]
    public var thinkMilliseconds: Int
    public var joinTimeoutMilliseconds: Int
    public var moveTimeoutMilliseconds: Int
    /// The manager's heartbeat, grace and retry rules.
    public var managerPolicy: ManagerPolicy
    /// The agents' heartbeat and reconnect rules.
    public var link: ManagerLink.Policy
    /// The game the league plays; its players and referees declare it.
    public var game: GameType
    /// How the league pairs its players, and its Swiss rounds.
    public var format: LeagueFormat
    public var rounds: Int?
    /// Passed to the referees untouched (e.g. `["best_of": 5]`).
    public var gameOptions: GameOptions

    public init(
        players: Int = 4, referees: Int = 2, refereeCapacity: Int = 4, seed: UInt64 = 1, endpoint: String = "tcp://127.0.0.1:*",
        strategies: [StrategyKind] = [.random, .frequency, .pattern, .even, .odd], thinkMilliseconds: Int = 0,
        joinTimeoutMilliseconds: Int = 5_000, moveTimeoutMilliseconds: Int = 30_000,
        managerPolicy: ManagerPolicy = ManagerPolicy(), link: ManagerLink.Policy = ManagerLink.Policy(), game: GameType = .evenOdd,
        format: LeagueFormat = .roundRobin, rounds: Int? = nil, gameOptions: GameOptions = [:]
    ) {
        self.game = game
        self.format = format
        self.rounds = rounds
        self.gameOptions = gameOptions
        self.players = players
        self.referees = referees
        self.refereeCapacity = refereeCapacity
        self.seed = seed
        self.endpoint = endpoint
        self.strategies = strategies
        self.thinkMilliseconds = thinkMilliseconds
        self.joinTimeoutMilliseconds = joinTimeoutMilliseconds
        self.moveTimeoutMilliseconds = moveTimeoutMilliseconds
        self.managerPolicy = managerPolicy
        self.link = link
    }

    /// The name of player `index` (0-based): `player-01`, `player-02`, …
    public static func playerName(_ index: Int) -> String {
        index < 9 ? "player-0\(index + 1)" : "player-\(index + 1)"
    }

    /// The name of referee `index` (0-based): `REF01`, `REF02`, …
    public static func refereeName(_ index: Int) -> String {
        index < 9 ? "REF0\(index + 1)" : "REF\(index + 1)"
    }
}
