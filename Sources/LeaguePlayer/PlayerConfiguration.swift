import LeagueAgent

/// A player's settings.
public struct PlayerConfiguration: Sendable, Hashable {
    public var name: String
    public var strategy: StrategyKind
    public var seed: UInt64
    /// Delay before each answer (join and choice), for simulations and tests.
    public var thinkMilliseconds: Int
    /// Heartbeats to the manager and reconnect backoff.
    public var link: ManagerLink.Policy

    public init(
        name: String, strategy: StrategyKind = .random, seed: UInt64 = 1, thinkMilliseconds: Int = 0,
        link: ManagerLink.Policy = ManagerLink.Policy()
    ) {
        self.name = name
        self.strategy = strategy
        self.seed = seed
        self.thinkMilliseconds = thinkMilliseconds
        self.link = link
    }
}
