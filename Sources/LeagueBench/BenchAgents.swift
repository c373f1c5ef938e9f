import LeaguePlayer
import LeagueRuntime

/// How the bench names and configures its agents, the same way in one process and as processes.
enum BenchAgents {
    /// Strategies handed out in turn, as ``LocalLeagueOptions`` does.
    static let strategies: [StrategyKind] = [.random, .frequency, .pattern, .even, .odd]

    /// Player `index` (0-based) of the run.
    static func player(_ index: Int, scenario: BenchScenario) -> PlayerConfiguration {
        PlayerConfiguration(
            name: LocalLeagueOptions.playerName(index), strategy: strategies[index % strategies.count],
            seed: scenario.seed &+ UInt64(index) &+ 1)
    }
}
