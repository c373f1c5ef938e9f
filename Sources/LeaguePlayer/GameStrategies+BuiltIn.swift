import LeagueGames

extension GameStrategies {
    /// The strategies this project ships, for every built-in game but Even/Odd.
    public static let builtIn = GameStrategies()
}
