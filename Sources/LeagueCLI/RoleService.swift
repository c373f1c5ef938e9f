import LeagueAgent
import Logging
import ServiceLifecycle
import ZeroMQ

/// Runs event loops as one swift-service-lifecycle service: on SIGTERM or SIGINT the agent (if any)
/// drains — finishing or handing back its work and telling the manager it leaves — then the loops stop
/// and the process exits 0.
struct RoleService: Service {
    let loops: [EventLoop]
    let agent: AgentControl?
    let drainTimeout: Duration

    func run() async throws {
        try? await gracefulShutdown()
        if let agent {
            agent.requestDrain()
            for loop in loops { loop.wake() }
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await agent.drained.wait() }
                group.addTask { try? await Task.sleep(for: drainTimeout) }
                await group.next()
                group.cancelAll()
            }
        }
        for loop in loops { loop.stop() }
        for loop in loops { await loop.waitUntilStopped() }
    }

    /// Runs `loops`, and `services` beside them (the manager's HTTP server), until SIGTERM or SIGINT. On a
    /// signal the `services` stop first (the group stops in reverse order), then the loops.
    static func run(_ loops: [EventLoop], agent: AgentControl? = nil, services: [any Service] = [], logger: Logger) async throws {
        let service = RoleService(loops: loops, agent: agent, drainTimeout: .seconds(5))
        let group = ServiceGroup(services: [service] + services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        try await group.run()
    }
}

/// Runs `loops` until SIGTERM or SIGINT (no agent to drain).
func runUntilSignalled(_ loops: [EventLoop]) async {
    try? await RoleService.run(loops, logger: Logger(label: "league"))
}
