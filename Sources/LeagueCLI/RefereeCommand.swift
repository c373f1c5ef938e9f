import ArgumentParser
import LeagueAgent
import LeagueGames
import LeagueProtocol
import LeagueReferee
import LeagueRuntime
import ZeroMQ

struct RefereeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "referee",
        abstract: "Run a referee: registers with the manager and runs the matches leased to it.",
        discussion: "On SIGTERM or SIGINT it declines new matches, hands back unfinished ones, reports decided results and leaves.")

    @Option(help: "The manager's endpoint.")
    var manager = defaultEndpoint

    @Option(help: "Name to register under; a referee that registers again under the same name keeps its id.")
    var name = "REF01"

    @Option(help: "Matches this referee runs at once.")
    var maxMatches = 4

    @Option(help: "Milliseconds a player has to answer GAME_INVITATION.")
    var joinTimeoutMs = 5_000

    @Option(help: "Milliseconds a player has to answer each move request (CHOOSE_PARITY_CALL or MOVE_REQUEST).")
    var moveTimeoutMs = 30_000

    @Option(
        name: .customLong("game"),
        help: ArgumentHelp(
            "A game to run (\(GameCatalog.builtIn.types.map(\.rawValue).joined(separator: ", "))); repeatable or comma-separated. Default: all of them.",
            valueName: "game"))
    var gameArguments: [String] = []

    @OptionGroup var link: LinkOptions
    @OptionGroup var common: CommonOptions

    func validate() throws {
        guard maxMatches >= 1 else { throw ValidationError("--max-matches must be at least 1") }
        guard joinTimeoutMs > 0, moveTimeoutMs > 0 else { throw ValidationError("timeouts must be positive") }
        _ = try games()
    }

    /// The games asked for, in order, or every built-in game.
    func games() throws -> [GameType] {
        var games: [GameType] = []
        for item in GameArguments.items(gameArguments) {
            let game = try GameArguments.game(item)
            if !games.contains(game) { games.append(game) }
        }
        return games.isEmpty ? GameCatalog.builtIn.types : games
    }

    func run() async throws {
        let logger = try common.bootstrapLogging().with(role: "referee", agent: name)
        let context = try Context()
        let configuration = RefereeConfiguration(
            name: name, maxMatches: maxMatches, joinTimeoutMilliseconds: joinTimeoutMs, moveTimeoutMilliseconds: moveTimeoutMs,
            link: link.policy, games: try games())
        let endpoint = manager
        let control = AgentControl()
        let loop = try EventLoop(
            name: "referee", context: context,
            services: [
                { context in
                    try RefereeService(
                        context: context, managerEndpoint: endpoint, configuration: configuration, logger: logger, control: control)
                }
            ])
        try await loop.waitUntilStarted()
        try await RoleService.run([loop], agent: control, logger: logger)
    }
}

extension LinkOptions {
    var policy: ManagerLink.Policy {
        ManagerLink.Policy(
            heartbeatMilliseconds: heartbeatMs, liveness: liveness, backoffInitialMilliseconds: backoffMs,
            backoffMaxMilliseconds: backoffMaxMs)
    }
}
