import ArgumentParser
import LeagueOperator
import LeagueProtocol
import LeagueRuntime
import ZeroMQ

struct StartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Start a league once N players are registered; with --wait, follow it to the end.",
        discussion: """
            Without --wait it returns when the league has started (N players registered and scheduled). \
            With --wait it prints the final table, and for a knockout the bracket.
            """)

    @Option(help: "The manager's endpoint.")
    var manager = defaultEndpoint

    @Option(help: "How many registered players the league takes.")
    var players = 4

    @Option(help: "Seed for the draws (the manager picks one when absent and reports it).")
    var seed: UInt64?

    @OptionGroup(title: "Game and format") var game: GameFormatOptions

    @Option(help: "Gauntlet: the display name of the player who meets everyone (the first in name order when absent).")
    var gauntletPlayer: String?

    @Flag(help: "Follow the league to its end, then print the final table (and a knockout's bracket).")
    var wait = false

    @Flag(help: "Print the result as one JSON object (league_id, status, matches, standings).")
    var json = false

    @Option(help: "Seconds to wait for the manager to answer the request.")
    var timeout = 10

    @Option(help: "The manager's operator token, if it requires one.")
    var operatorToken: String?

    @OptionGroup var common: CommonOptions

    func validate() throws {
        guard players >= 2 else { throw ValidationError("--players must be at least 2") }
        _ = try game.settings(gauntletPlayer: gauntletPlayer)
    }

    func run() async throws {
        let logger = try common.bootstrapLogging().with(role: "operator")
        try await LeagueClient.using(manager, name: "start", operatorToken: operatorToken, logger: logger) { try await start($0) }
    }

    private func start(_ client: LeagueClient) async throws {
        let progress = ProgressLine()
        let settings = try game.settings(gauntletPlayer: gauntletPlayer)
        let started = try await client.startLeague(players: players, seed: seed, settings: settings, timeout: .seconds(timeout))
        guard let leagueID = started.leagueID else { throw LeagueClientError.refused(started.reason ?? "no league id given") }
        progress.note("\(leagueID) created (\(settings.game), \(settings.format.rawValue)); waiting for \(players) registered players")
        if wait {
            try await client.waitForCompletion(of: leagueID) { progress.round($0) }
        } else {
            try await waitUntilStarted(client, leagueID)
        }
        let report = try await client.league(leagueID)
        if json {
            try Output.printJSON(report)
        } else if wait {
            print(Output.summary(report))
        } else {
            print(
                "\(leagueID) started: \(report.playerCount) players, \(report.roundsTotal) rounds, \(report.matchesTotal) matches "
                    + "(\(report.gameType), \((report.format ?? .roundRobin).rawValue))")
        }
    }

    /// The manager announces round 1 to the league's watchers as soon as the league starts.
    private func waitUntilStarted(_ client: LeagueClient, _ leagueID: String) async throws {
        let codec = MessageCodec()
        for await notice in client.notices where notice.type == .roundAnnouncement {
            if let announcement = try? codec.decode(RoundAnnouncement.self, from: notice.body).body, announcement.leagueID == leagueID {
                return
            }
        }
        throw LeagueClientError.closed
    }
}
