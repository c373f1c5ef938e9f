import LeagueManager
import LeagueOperator
import LeaguePlayer
import LeagueProtocol
import LeagueReferee
import LeagueStore
import Logging
import ZeroMQ

/// A whole league in one process: a manager, referees and players, each with its own socket, talking over
/// real ZeroMQ transport (tcp loopback by default). Used by `league demo`, tests and benchmarks.
///
/// Threads: one event loop for the manager, one for all referees, one for all players, one for the
/// operator client that starts the league.
public final class LocalLeague: Sendable {
    public let options: LocalLeagueOptions
    /// The endpoint the manager bound.
    public let endpoint: String
    /// The manager's counters.
    public let managerStats: ManagerStatsBox
    private let loops: [EventLoop]
    private let client: LeagueClient

    /// Starts the manager, then the referees and players, and connects an operator client.
    public static func launch(_ options: LocalLeagueOptions, context: Context, logger: Logger) async throws -> LocalLeague {
        let stats = ManagerStatsBox()
        let manager = try await Broker.launch(
            ManagerSettings(
                configuration: ManagerConfiguration(endpoint: options.endpoint), policy: options.managerPolicy.hostingBuiltInGames(),
                stats: stats),
            context: context, logger: logger.with(role: "manager"))
        let endpoint = manager.endpoint
        var loops = [manager.loop]
        do {
            let referees: [EventLoop.Factory] = (0..<options.referees).map { index in
                let configuration = RefereeConfiguration(
                    name: LocalLeagueOptions.refereeName(index), maxMatches: options.refereeCapacity,
                    joinTimeoutMilliseconds: options.joinTimeoutMilliseconds, moveTimeoutMilliseconds: options.moveTimeoutMilliseconds,
                    link: options.link)
                let refereeLogger = logger.with(role: "referee", agent: configuration.name)
                return { context in
                    try RefereeService(context: context, managerEndpoint: endpoint, configuration: configuration, logger: refereeLogger)
                }
            }
            let players: [EventLoop.Factory] = (0..<options.players).map { index in
                let strategies = options.strategies.isEmpty ? [StrategyKind.random] : options.strategies
                let configuration = PlayerConfiguration(
                    name: LocalLeagueOptions.playerName(index), strategy: strategies[index % strategies.count],
                    seed: options.seed &+ UInt64(index) &+ 1, thinkMilliseconds: options.thinkMilliseconds, link: options.link,
                    games: [options.game], moveStrategies: Self.moveStrategy(for: options.game, player: index))
                let playerLogger = logger.with(role: "player", agent: configuration.name)
                return { context in
                    try PlayerService(context: context, managerEndpoint: endpoint, configuration: configuration, logger: playerLogger)
                }
            }
            for (name, services) in [("referees", referees), ("players", players)] where !services.isEmpty {
                let loop = try EventLoop(name: name, context: context, services: services)
                loops.append(loop)
                try await loop.waitUntilStarted()
            }
            let client = try await LeagueClient(endpoint: endpoint, context: context, name: "local", logger: logger.with(role: "operator"))
            return LocalLeague(options: options, endpoint: endpoint, stats: stats, loops: loops, client: client)
        } catch {
            for loop in loops { loop.stop() }
            for loop in loops { await loop.waitUntilStopped() }
            throw error
        }
    }

    private init(options: LocalLeagueOptions, endpoint: String, stats: ManagerStatsBox, loops: [EventLoop], client: LeagueClient) {
        self.options = options
        self.endpoint = endpoint
        self.managerStats = stats
        self.loops = loops
        self.client = client
    }

    /// Starts a league and waits until it completes; returns the final report.
    ///
    /// - Parameter players: how many registered players the league takes; all of this league's own players
    ///   by default (more when agents from elsewhere also joined).
    public func play(players: Int? = nil, progress: @escaping @Sendable (RoundCompleted) -> Void = { _ in }) async throws -> LeagueReport {
        let started = try await client.startLeague(
            players: players ?? options.players, seed: options.seed, game: options.game, format: options.format, rounds: options.rounds,
            gameOptions: options.gameOptions)
        guard let leagueID = started.leagueID else { throw LeagueClientError.refused("no league id") }
        try await client.waitForCompletion(of: leagueID, progress: progress)
        return try await client.league(leagueID)
    }

    /// The built-in strategies of `game` handed out to players in turn (nothing for Even/Odd, which has its own).
    static func moveStrategy(for game: GameType, player index: Int) -> [GameType: MoveStrategyKind] {
        let kinds = GameStrategies.builtIn.kinds(for: game)
        return kinds.isEmpty ? [:] : [game: kinds[index % kinds.count]]
    }

    /// Stops every loop and waits for their threads to end.
    public func shutdown() async {
        await client.close()
        for loop in loops.reversed() { loop.stop() }
        for loop in loops { await loop.waitUntilStopped() }
    }
}

extension Logger {
    /// A copy labelled with the role (and agent) in its metadata.
    public func with(role: String, agent: String? = nil) -> Logger {
        var copy = self
        copy[metadataKey: "role"] = "\(role)"
        if let agent { copy[metadataKey: "agent"] = "\(agent)" }
        return copy
    }
}
