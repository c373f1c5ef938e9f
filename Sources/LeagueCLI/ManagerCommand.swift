import ArgumentParser
import Foundation
import LeagueManager
import LeagueRuntime
import ZeroMQ

struct ManagerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manager",
        abstract: "Run a League Manager: a ZeroMQ ROUTER that registers agents, schedules leagues and routes games.",
        discussion:
            "Prints 'manager listening on ENDPOINT' on stdout once bound (a wildcard port such as tcp://127.0.0.1:* is resolved). Stops on SIGINT or SIGTERM."
    )

    @Option(help: "Endpoint to bind: tcp://HOST:PORT, tcp://HOST:*, ipc://PATH or inproc://NAME.")
    var bind = defaultEndpoint

    @OptionGroup var common: CommonOptions

    func run() async throws {
        let logger = common.bootstrapLogging()
        let context = try Context()
        let stats = ManagerStatsBox()
        let bound = Completion<String>()
        let configuration = ManagerConfiguration(endpoint: bind)
        let loop = try EventLoop(
            name: "manager", context: context,
            services: [
                { context in
                    let broker = try Broker(
                        context: context, configuration: configuration, logger: logger.with(role: "manager"), stats: stats)
                    bound.complete(broker.boundEndpoint)
                    return broker
                }
            ])
        try await loop.waitUntilStarted()
        // Written unbuffered so that scripts and tests reading a pipe see it at once.
        FileHandle.standardOutput.write(Data("manager listening on \(bound.value ?? bind)\n".utf8))
        await runUntilSignalled([loop])
        let final = stats.snapshot
        logger.info(
            "manager stopped",
            metadata: [
                "received": "\(final.received)", "routed": "\(final.routed)", "errors": "\(final.totalErrors)",
                "matches": "\(final.matchesFinished)",
            ])
    }
}
