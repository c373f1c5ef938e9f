import ArgumentParser
import Foundation
import LeagueManager
import LeagueProtocol
import LeagueRuntime
import LeagueStore
import ZeroMQ

struct ManagerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manager",
        abstract: "Run a League Manager: a ZeroMQ ROUTER that registers agents, schedules leagues and routes games.",
        discussion: """
            Prints 'manager listening on ENDPOINT' on stdout once bound (a wildcard port such as tcp://127.0.0.1:* is \
            resolved). State is kept in SQLite (--db); a manager started again on the same file resumes every unfinished \
            league. Stops on SIGINT or SIGTERM.
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

    @OptionGroup var common: CommonOptions

    func validate() throws {
        guard heartbeatMs > 0, liveness > 0, graceMs >= 0, assignmentRetryMs > 0 else {
            throw ValidationError("--heartbeat-ms, --liveness and --assignment-retry-ms must be positive, --grace-ms not negative")
        }
    }

    func run() async throws {
        let logger = try common.bootstrapLogging().with(role: "manager")
        let store: any LeagueStore = db == "memory" ? MemoryLeagueStore() : try SQLiteLeagueStore(path: db, durable: durable)
        let policy = ManagerPolicy(heartbeatMilliseconds: heartbeatMs, liveness: liveness, playerGraceMilliseconds: graceMs, assignmentRetryMilliseconds: assignmentRetryMs)
        let context = try Context()
        let stats = ManagerStatsBox()
        let bound = Completion<String>()
        let configuration = ManagerConfiguration(endpoint: bind, transportHeartbeatMilliseconds: Int32(heartbeatMs))
        let box = StoreBox(store)
        let loop = try EventLoop(name: "manager", context: context, services: [
            { context in
                guard let store = box.take() else { throw StoreError(operation: "open", reason: "the store was already handed out") }
                let broker = try Broker(context: context, configuration: configuration, policy: policy, store: store, logger: logger, stats: stats)
                bound.complete(broker.boundEndpoint)
                return broker
            }
        ])
        try await loop.waitUntilStarted()
        // Written unbuffered so that scripts and tests reading a pipe see it at once.
        FileHandle.standardOutput.write(Data("manager listening on \(bound.value ?? bind)\n".utf8))
        try await RoleService.run([loop], logger: logger)
        let final = stats.snapshot
        logger.info(
            "manager stopped",
            metadata: ["received": "\(final.received)", "routed": "\(final.routed)", "errors": "\(final.totalErrors)", "matches": "\(final.matchesFinished)"])
    }
}
