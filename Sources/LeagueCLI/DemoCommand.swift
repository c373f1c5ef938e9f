import ArgumentParser
import LeagueProtocol
import LeagueRuntime
import ZeroMQ

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run a whole league in one process: a manager, referees and players, each with its own socket over tcp loopback.",
        discussion: "Prints the final table, and for a knockout the bracket after it.")

    @Option(help: "Number of players.")
    var players = 4

    @Option(help: "Number of referees.")
    var referees = 2

    @Option(help: "Seed for the draws and the players' strategies (random when absent; printed either way).")
    var seed: UInt64?

    @OptionGroup(title: "Game and format") var game: GameFormatOptions

    @Flag(help: "Print the result as one JSON object (league_id, status, matches, standings).")
    var json = false

    @OptionGroup var common: CommonOptions

    func validate() throws {
        guard players >= 2 else { throw ValidationError("--players must be at least 2") }
        guard referees >= 1 else { throw ValidationError("--referees must be at least 1") }
        _ = try game.settings()
    }

    func run() async throws {
        var logger = try common.bootstrapLogging()
        if common.logLevel == .info { logger.logLevel = .warning }  // the demo's own output is the progress
        let progress = ProgressLine()
        var generator = SystemRandomNumberGenerator()
        let seed = self.seed ?? UInt64.random(in: 1...999_999, using: &generator)
        let settings = try game.settings()
        let options = LocalLeagueOptions(
            players: players, referees: referees, seed: seed, game: settings.game, format: settings.format, rounds: settings.rounds,
            gameOptions: settings.gameOptions)
        let context = try Context()
        let league = try await LocalLeague.launch(options, context: context, logger: logger)
        progress.note(
            "demo: \(settings.game) \(settings.format.rawValue), \(players) players, \(referees) referees on \(league.endpoint), seed \(seed)"
        )
        let report: LeagueReport
        do {
            report = try await league.play { progress.round($0) }
        } catch {
            await league.shutdown()
            throw error
        }
        await league.shutdown()
        if json {
            try Output.printJSON(report)
        } else {
            print(Output.summary(report))
        }
    }
}
