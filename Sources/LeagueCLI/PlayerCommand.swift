import ArgumentParser
import Foundation
import LeagueAgent
import LeagueGames
import LeagueOperator
import LeaguePlayer
import LeagueProtocol
import LeagueRuntime
import ZeroMQ

extension StrategyKind: ExpressibleByArgument {}

struct PlayerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "player",
        abstract: "Run a player: registers with the manager and answers invitations, parity calls and move requests.",
        discussion: """
            Games and their strategies (the first is the default):
            \(GameArguments.strategyHelp)
            """)

    @Option(help: "The manager's endpoint.")
    var manager = defaultEndpoint

    @Option(help: "Name to register under; a player that registers again under the same name keeps its id.")
    var name: String

    @Option(help: "How to play even_odd: \(StrategyKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var strategy = StrategyKind.random

    @Option(
        name: .customLong("game"),
        help: ArgumentHelp(
            "A game to play, as GAME or GAME=STRATEGY (e.g. rps=counter, connect-four=search); repeatable or comma-separated. Default: even_odd.",
            valueName: "game"))
    var gameArguments: [String] = []

    @Option(help: "Seed for the strategy's random choices (default: derived from the name).")
    var seed: UInt64?

    @Option(help: "Milliseconds to wait before each answer.")
    var thinkMs = 0

    @OptionGroup var link: LinkOptions
    @OptionGroup var common: CommonOptions

    func validate() throws {
        guard !name.isEmpty, name.utf8.count <= 64 else { throw ValidationError("--name must be 1–64 bytes") }
        guard thinkMs >= 0 else { throw ValidationError("--think-ms must not be negative") }
        _ = try plays()
    }

    /// The games asked for, in order, and the strategy named for each game other than Even/Odd.
    func plays() throws -> (games: [GameType], strategies: [GameType: MoveStrategyKind]) {
        var games: [GameType] = []
        var strategies: [GameType: MoveStrategyKind] = [:]
        for item in GameArguments.items(gameArguments) {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            let game = try GameArguments.game(parts[0])
            guard !games.contains(game) else { throw ValidationError("--game \(game) is given twice") }
            if game == .evenOdd {
                guard parts.count == 1 else { throw ValidationError("--game even_odd takes no strategy: use --strategy") }
            } else {
                let known = GameStrategies.builtIn.kinds(for: game)
                guard !known.isEmpty else { throw ValidationError("this player has no strategy for \(game)") }
                if parts.count == 2 {
                    let kind = MoveStrategyKind(parts[1].lowercased())
                    guard known.contains(kind) else {
                        throw ValidationError(
                            "\(game) has no strategy '\(parts[1].prefix(32))'; known: \(known.map(\.rawValue).joined(separator: ", "))")
                    }
                    strategies[game] = kind
                }
            }
            games.append(game)
        }
        return (games.isEmpty ? [.evenOdd] : games, strategies)
    }

    func run() async throws {
        let logger = try common.bootstrapLogging().with(role: "player", agent: name)
        let context = try Context()
        let (games, strategies) = try plays()
        let configuration = PlayerConfiguration(
            name: name, strategy: strategy, seed: seed ?? SeededGenerator.derive(0, name), thinkMilliseconds: thinkMs, link: link.policy,
            games: games, moveStrategies: strategies)
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

/// `--game` values as `league player` and `league referee` take them.
enum GameArguments {
    /// Every item of repeated, comma-separated values, trimmed, without empty ones.
    static func items(_ arguments: [String]) -> [String] {
        arguments.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// A built-in game by name: case ignored, `-` for `_` (`connect-four`).
    static func game(_ text: String) throws -> GameType {
        guard let game = GameType(argument: text), GameCatalog.builtIn.contains(game) else {
            throw ValidationError(
                "unknown game '\(text.prefix(32))'; known: \(GameCatalog.builtIn.types.map(\.rawValue).joined(separator: ", "))")
        }
        return game
    }

    /// One line per built-in game with its strategies.
    static var strategyHelp: String {
        GameCatalog.builtIn.types.map { game in
            let kinds = game == .evenOdd ? StrategyKind.allCases.map(\.rawValue) : GameStrategies.builtIn.kinds(for: game).map(\.rawValue)
            let how = game == .evenOdd ? " (by --strategy)" : ""
            return "  \(game): \(kinds.isEmpty ? "none" : kinds.joined(separator: ", "))\(how)"
        }.joined(separator: "\n")
    }
}
