import ArgumentParser
import Foundation
import LeagueHTTP
import LeagueManager
import LeagueOperator
import LeagueProtocol
import LeagueRuntime
import LeagueStore
import ServiceLifecycle
import ZeroMQ

struct ManagerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manager",
        abstract: "Run a League Manager: a ZeroMQ ROUTER that registers agents, schedules leagues and routes games.",
        discussion: """
            Prints 'manager listening on ENDPOINT' on stdout once bound (a wildcard port such as tcp://127.0.0.1:* is \
            resolved). State is kept in SQLite (--db); a manager started again on the same file resumes every unfinished \
            league. Stops on SIGINT or SIGTERM.

            Serves the HTTP API, Prometheus metrics and the dashboard on --http (127.0.0.1:8080 unless told otherwise; \
            'off' turns it off) and prints 'http listening on http://HOST:PORT' once listening (port 0 picks a free \
            port). When the default port is taken the manager logs an error and runs without HTTP; a port given \
            with --http that cannot be bound stops the manager. See docs/API.md and docs/MONITORING.md.
            """)

    @Option(help: "Endpoint to bind: tcp://HOST:PORT, tcp://HOST:*, ipc://PATH or inproc://NAME.")
    var bind = defaultEndpoint

    @Option(help: "SQLite database file; 'memory' keeps nothing on disk.")
    var db = "league-data/league.sqlite"

    @Flag(help: "Sync the database to disk on every commit (survives power loss, not only a killed process).")
    var durable = false

    @Option(help: "Milliseconds between heartbeats to agents.")
    var heartbeatMs = 1_000

    @Option(help: "Missed heartbeats after which an agent is dead.")
    var liveness = 3

    @Option(help: "Milliseconds a vanished player may stay away before its remaining matches are forfeited.")
    var graceMs = 10_000

    @Option(help: "First wait in milliseconds for a referee to acknowledge a match; doubles with each resend.")
    var assignmentRetryMs = 500

    @Option(help: "HTTP API and dashboard address, HOST:PORT or 'off' (default: 127.0.0.1:8080).")
    var http: String?

    @Option(help: "Require this token (in the token frame) on START_LEAGUE; by default any operator connection may start leagues.")
    var operatorToken: String?

    @OptionGroup var common: CommonOptions

    func validate() throws {
        guard heartbeatMs > 0, liveness > 0, graceMs >= 0, assignmentRetryMs > 0 else {
            throw ValidationError("--heartbeat-ms, --liveness and --assignment-retry-ms must be positive, --grace-ms not negative")
        }
        do {
            _ = try HTTPAddress.parse(http ?? HTTPAddress.standard.description)
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() async throws {
        let logger = try common.bootstrapLogging().with(role: "manager")
        let store: any LeagueStore = db == "memory" ? MemoryLeagueStore() : try SQLiteLeagueStore(path: db, durable: durable)
        let policy = ManagerPolicy(
            heartbeatMilliseconds: heartbeatMs, liveness: liveness, playerGraceMilliseconds: graceMs,
            assignmentRetryMilliseconds: assignmentRetryMs,
            operatorToken: operatorToken
        ).hostingBuiltInGames()
        let context = try Context()
        let stats = ManagerStatsBox()
        let box = StoreBox(store)
        let startedAt = MonotonicClock.now()
        let httpAddress = try HTTPAddress.parse(http ?? HTTPAddress.standard.description)
        // The one global metrics bootstrap of the process: Hummingbird's request metrics go through it.
        let exposition = httpAddress.map { _ in PrometheusExposition() }
        exposition?.bootstrapMetricsSystem()
        let factory = exposition?.factory
        let manager = try await Broker.launch(
            ManagerSettings(
                configuration: ManagerConfiguration(endpoint: bind), policy: policy,
                openStore: {
                    guard let store = box.take() else { throw StoreError(operation: "open", reason: "the store was already handed out") }
                    return store
                }, stats: stats, metrics: factory, publishesSnapshots: factory != nil),
            context: context, logger: logger)
        let loop = manager.loop
        // Written unbuffered so that scripts and tests reading a pipe see it at once.
        FileHandle.standardOutput.write(Data("manager listening on \(manager.endpoint)\n".utf8))
        var services: [any Service] = []
        var client: LeagueClient?
        if let httpAddress, let exposition {
            // With --operator-token the client sends it on START_LEAGUE, and POST /api/leagues asks for it as a bearer token.
            let operatorClient = try await LeagueClient(
                endpoint: Self.ownEndpoint(manager.endpoint), context: context, name: "http", operatorToken: operatorToken,
                logger: logger.with(role: "http"))
            client = operatorClient
            // Notices of the leagues started over HTTP answer no request: read and drop them.
            Task { for await _ in operatorClient.notices {} }
            let readiness = ReadinessProbe(checks: [
                ReadinessProbe.storeWritable(databasePath: db == "memory" ? nil : db),
                ReadinessProbe.Check(name: "zeromq") {
                    if loop.isStopped { return "the manager's loop has stopped" }
                    return nil
                },
            ])
            let access = ManagerAccess(
                box: stats, client: operatorClient, readiness: readiness, exposition: exposition, startedAt: startedAt,
                operatorToken: operatorToken)
            services.append(
                LeagueHTTPServer(address: httpAddress, access: access, required: http != nil, logger: logger.with(role: "http")) { url in
                    FileHandle.standardOutput.write(Data("http listening on \(url)\n".utf8))
                })
        }
        do {
            try await RoleService.run([loop], services: services, logger: logger)
        } catch {
            await client?.close()
            throw error
        }
        await client?.close()
        let final = stats.snapshot
        logger.info(
            "manager stopped",
            metadata: [
                "received": "\(final.received)", "routed": "\(final.routed)", "errors": "\(final.totalErrors)",
                "matches": "\(final.matchesFinished)",
            ])
    }

    /// The address the manager's own operator client connects to: a wildcard host becomes loopback.
    static func ownEndpoint(_ endpoint: String) -> String {
        for wildcard in ["tcp://0.0.0.0:", "tcp://*:"] where endpoint.hasPrefix(wildcard) {
            return "tcp://127.0.0.1:" + endpoint.dropFirst(wildcard.count)
        }
        if endpoint.hasPrefix("tcp://[::]:") { return "tcp://[::1]:" + endpoint.dropFirst("tcp://[::]:".count) }
        return endpoint
    }
}
