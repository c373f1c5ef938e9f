import ArgumentParser
import LeagueOperator
import LeagueRuntime
import ZeroMQ

struct StandingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "standings",
        abstract: "Show a league's table (the newest league unless --league is given).")

    @Option(help: "The manager's endpoint.")
    var manager = defaultEndpoint

    @Option(help: "The league id, e.g. league-1.")
    var league: String?

    @Flag(help: "Print the whole league as one JSON object.")
    var json = false

    @Option(help: "Seconds to wait for the manager to answer.")
    var timeout = 10

    @OptionGroup var common: CommonOptions

    func run() async throws {
        let logger = try common.bootstrapLogging().with(role: "operator")
        let report = try await LeagueClient.using(manager, name: "standings", logger: logger) { try await $0.league(league) }
        if json {
            try Output.printJSON(report)
        } else {
            print(Output.summary(report))
        }
    }
}
