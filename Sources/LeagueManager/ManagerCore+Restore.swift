import LeagueProtocol
import LeagueStore

extension ManagerCore {
    /// Rebuilds agents and leagues from a store. Agents have no connection until they register again;
    /// leases still running wait for their referee for one liveness window before they are replayed.
    func restore(from state: StoredState, now: UInt64) {
        registry.restore(state.agents, now: now)
        for stored in state.leagues {
            var league = LeagueState(
                id: stored.id, gameType: stored.gameType, seed: stored.seed, requestedPlayers: stored.requestedPlayers, watcher: nil)
            league.status = stored.status
            if !stored.players.isEmpty {
                let players = stored.players.map { id in (id: id, name: registry[id]?.displayName ?? id) }
                league.restore(players: players, stored: state.matches[stored.id] ?? [])
            }
            let index = leagues.count
            leagueIndex[league.id] = index
            leagues.append(league)
            guard league.status == .running else { continue }
            for player in league.players { registry[player]?.leagueID = league.id }
            for (matchIdx, match) in league.matches.enumerated() {
                guard case .running(let refereeID) = match.status else { continue }
                let active = AgentRegistry.ActiveMatch(leagueIndex: index, matchIndex: matchIdx, refereeID: refereeID)
                registry[refereeID]?.leased += 1
                registry[match.playerA]?.activeMatch = active
                registry[match.playerB]?.activeMatch = active
                leagues[index].matches[matchIdx].leasedAt = now
                leagues[index].matches[matchIdx].acknowledged = true
            }
        }
        if !state.leagues.isEmpty {
            let unfinished = leagues.filter { $0.status != .completed }.count
            logger.info(
                "resumed from the store",
                metadata: ["agents": "\(state.agents.count)", "leagues": "\(leagues.count)", "unfinished": "\(unfinished)"])
        }
    }
}
