import LeagueGames

extension MoveStrategyKind {
    /// Rock-Paper-Scissors: beats the opponent's most frequent throw of the match.
    public static let counter: MoveStrategyKind = "counter"
    /// Connect Four: a negamax search with alpha-beta pruning, six plies deep.
    public static let search: MoveStrategyKind = "search"
}

extension GameStrategies {
    /// The strategies this project ships, for every built-in game but Even/Odd (which has ``StrategyKind``);
    /// each game's first is its default.
    public static let builtIn: GameStrategies = {
        var strategies = GameStrategies()
        strategies.register(.random) { RandomMoveStrategy<RockPaperScissors>(seed: $0) }
        strategies.register(.counter) { RockPaperScissorsCounterStrategy(seed: $0) }
        strategies.register(.random) { RandomMoveStrategy<ConnectFour>(seed: $0) }
        strategies.register(.search) { _ in ConnectFourSearchStrategy() }
        return strategies
    }()
}
