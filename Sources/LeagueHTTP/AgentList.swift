import LeagueProtocol

/// The body of `GET /api/agents`: every agent the manager knows, referees first, with its heartbeat age.
public struct AgentList: Codable, Sendable, Hashable {
    /// Referees first, then players, each in registration order.
    public var agents: [AgentStatus]

    /// The agents of `snapshot`, their heartbeat ages brought forward to `now` (monotonic ns).
    public init(_ snapshot: ManagerSnapshot, now: UInt64) {
        let elapsed = snapshot.takenAt == 0 || now < snapshot.takenAt ? 0 : Int((now - snapshot.takenAt) / 1_000_000)
        agents = snapshot.agents.map { agent in
            var agent = agent
            agent.lastHeartbeatAgeMilliseconds += elapsed
            return agent
        }
    }
}
