/// A player's settings.
public struct PlayerConfiguration: Sendable, Hashable {
    public var name: String
    public var strategy: StrategyKind
    public var seed: UInt64
    /// Delay before each answer (join and choice), for simulations and tests.
    public var thinkMilliseconds: Int
    /// How often the registration is repeated until the manager answers.
    public var retryIntervalMilliseconds: Int

    public init(
        name: String, strategy: StrategyKind = .random, seed: UInt64 = 1, thinkMilliseconds: Int = 0, retryIntervalMilliseconds: Int = 2_000
    ) {
        self.name = name
        self.strategy = strategy
        self.seed = seed
        self.thinkMilliseconds = thinkMilliseconds
        self.retryIntervalMilliseconds = retryIntervalMilliseconds
    }
}
