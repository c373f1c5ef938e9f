import LeagueAgent
import LeagueProtocol

/// A player's settings.
public struct PlayerConfiguration: Sendable, Hashable {
    public var name: String
    /// How it plays Even/Odd.
    public var strategy: StrategyKind
    public var seed: UInt64
    /// Delay before each answer (join, choice and move), for simulations and tests.
    public var thinkMilliseconds: Int
    /// Heartbeats to the manager and reconnect backoff.
    public var link: ManagerLink.Policy
    /// The games it plays and declares in `game_types`, in this order. Even/Odd plays by ``strategy``;
    /// every other game by its entry in ``moveStrategies``.
    public var games: [GameType]
    /// The strategy for each game other than Even/Odd; a game without an entry plays its default strategy.
    public var moveStrategies: [GameType: MoveStrategyKind]

    public init(
        name: String, strategy: StrategyKind = .random, seed: UInt64 = 1, thinkMilliseconds: Int = 0,
        link: ManagerLink.Policy = ManagerLink.Policy(), games: [GameType] = [.evenOdd], moveStrategies: [GameType: MoveStrategyKind] = [:]
    ) {
        self.games = games
        self.moveStrategies = moveStrategies
        self.name = name
        self.strategy = strategy
        self.seed = seed
        self.thinkMilliseconds = thinkMilliseconds
        self.link = link
    }
}
