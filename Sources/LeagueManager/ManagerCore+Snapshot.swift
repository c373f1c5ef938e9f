import LeagueProtocol

extension ManagerCore {
    /// Every league's report, the agents and the counters as of `now`, for readers on other threads.
    public func snapshot(now: UInt64) -> ManagerSnapshot {
        var inflight = 0
        for league in leagues where league.status == .running {
            for match in league.matches { if case .running = match.status { inflight += 1 } }
        }
        let agents = (registry.refereeOrder + registry.playerOrder).compactMap { id -> AgentStatus? in
            guard let agent = registry[id] else { return nil }
            let active = agent.activeMatch.map { leagues[$0.leagueIndex].matches[$0.matchIndex].id }
            return AgentStatus(
                id: agent.id, role: agent.role.rawValue, name: agent.displayName, connected: agent.isReachable,
                lastHeartbeatAgeMilliseconds: Int((now &- agent.lastSeen) / 1_000_000), leagueID: agent.leagueID, activeMatch: active)
        }
        return ManagerSnapshot(leagues: leagues.map { $0.report() }, agents: agents, stats: stats, inflightMatches: inflight, takenAt: now)
    }

    /// The durations (seconds) of matches finished since the last call.
    public func takeDurations() -> [Double] {
        defer { durations.removeAll(keepingCapacity: true) }
        return durations
    }
}
