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
            let active = agent.activeMatch.map { leagues[$0.match.league].matches[$0.match.match].id.rawValue }
            return AgentStatus(
                id: agent.id.rawValue, role: agent.role.rawValue, name: agent.displayName, connected: agent.isReachable,
                lastHeartbeatAgeMilliseconds: Int((now &- agent.lastSeen) / 1_000_000), leagueID: agent.leagueID?.rawValue,
                activeMatch: active)
        }
        let reports = leagues.map { league in
            league.report(waitingReason: league.status == .waiting ? waitingReason(of: league) : nil)
        }
        return ManagerSnapshot(leagues: reports, agents: agents, stats: stats, inflightMatches: inflight, takenAt: now)
    }

    /// The durations (seconds) of matches finished since the last call.
    public func takeDurations() -> [Double] {
        defer { durations.removeAll(keepingCapacity: true) }
        return durations
    }
}
