import ArgumentParser
import LeagueAgent
import LeaguePlayer
import LeagueProtocol
import LeagueRuntime
import ZeroMQ

extension StrategyKind: ExpressibleByArgument {}

struct PlayerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "player",
        abstract: "Run a player: registers with the manager and answers invitations and parity calls.")

    @Option(help: "The manager's endpoint.")
    var manager = defaultEndpoint

    @Option(help: "Name to register under; a player that registers again under the same name keeps its id.")
    var name: String

    @Option(help: "How to choose: \(StrategyKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var strategy = StrategyKind.random

    @Option(help: "Seed for the strategy's random choices (default: derived from the name).")
    var seed: UInt64?

    @Option(help: "Milliseconds to wait before each answer.")
    var thinkMs = 0

    @OptionGroup var link: LinkOptions
    @OptionGroup var common: CommonOptions

    func validate() throws {
        guard !name.isEmpty, name.utf8.count <= 64 else { throw ValidationError("--name must be 1–64 bytes") }
        guard thinkMs >= 0 else { throw ValidationError("--think-ms must not be negative") }
    }

    func run() async throws {
        let logger = try common.bootstrapLogging().with(role: "player", agent: name)
        let context = try Context()
        let configuration = PlayerConfiguration(
            name: name, strategy: strategy, seed: seed ?? SeededGenerator.derive(0, name), thinkMilliseconds: thinkMs, link: link.policy)
        let endpoint = manager
        let control = AgentControl()
        let loop = try EventLoop(
            name: "player", context: context,
            services: [
                { context in
                    try PlayerService(
                        context: context, managerEndpoint: endpoint, configuration: configuration, logger: logger, control: control)
                }
            ])
        try await loop.waitUntilStarted()
        try await RoleService.run([loop], agent: control, logger: logger)
    }
}
