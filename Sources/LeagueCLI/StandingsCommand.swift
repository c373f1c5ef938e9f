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
        let context = try Context()
        let client = try await LeagueClient(endpoint: manager, context: context, name: "standings", logger: logger)
        let result = await Result { try await client.league(league) }
        await client.close()
        let report = try result.get()
        if json {
            try Output.printJSON(report)
        } else {
            print(Output.summary(report))
        }
    }
}

extension Result where Failure == any Error {
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
