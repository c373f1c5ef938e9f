import ArgumentParser

@main
struct LeagueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "league",
        abstract: "Run AI-agent leagues over ZeroMQ: a manager broker, referee workers and player agents.",
        subcommands: [
            ManagerCommand.self, RefereeCommand.self, PlayerCommand.self, StartCommand.self, StandingsCommand.self, MatchCommand.self,
            DemoCommand.self, BenchCommand.self,
        ])
}
