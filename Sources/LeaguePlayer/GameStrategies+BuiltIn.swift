import LeagueGames

extension GameStrategies {
    /// The strategies this project ships, for every built-in game but Even/Odd; the first of each game is
    /// its default.
    public static let builtIn: GameStrategies = {
        var strategies = GameStrategies()
        strategies.register(.random) { seed in RandomMoveStrategy<RockPaperScissors>(seed: seed) }
        strategies.register("counter") { seed in RockPaperScissorsCounterStrategy(seed: seed) }
        strategies.register("search") { _ in ConnectFourSearchStrategy() }
        strategies.register(.random) { seed in RandomMoveStrategy<ConnectFour>(seed: seed) }
        return strategies
    }()
}
