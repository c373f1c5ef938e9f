import LeagueProtocol
import LeagueStore

extension ManagerCore {
    /// Rebuilds agents and leagues from a store. Agents have no connection until they register again;
    /// leases still running wait for their referee for one liveness window before they are replayed.
    func restore(from state: StoredState, now: UInt64) {
        registry.restore(state.agents, now: now)
        for stored in state.leagues {
            let spec = LeagueSpec(
                id: LeagueID(stored.id), game: GameType(stored.gameType), format: stored.format, seed: stored.seed,
                requestedPlayers: stored.requestedPlayers, rounds: stored.rounds, gauntletPlayer: stored.gauntletPlayer,
                gameOptions: stored.gameOptions)
            let league: LeagueEngine
            do {
                league = try LeagueEngine(spec: spec, watcher: nil)
            } catch {
                logger.error("a stored league cannot be resumed", metadata: ["league": "\(stored.id)", "error": "\(error.detail)"])
                continue
            }
            let index = leagues.count
            leagueIndex[league.id] = index
            leagues.append(league)
            guard !stored.players.isEmpty else { continue }
            let players = stored.players.map { id in (id: AgentID(id), name: registry[AgentID(id)]?.displayName ?? id) }
            let changes = league.restore(players: players, stored: state.matches[stored.id] ?? [], status: stored.status, now: now)
            guard league.status == .running else { continue }
            for player in league.players { registry[player]?.leagueID = league.id }
            for (matchIdx, match) in league.matches.enumerated() {
                guard let refereeID = match.status.referee else { continue }
                let active = AgentRegistry.ActiveMatch(match: MatchRef(league: index, match: matchIdx), refereeID: refereeID)
                registry[refereeID]?.leased += 1
                registry[match.playerA]?.activeMatch = active
                registry[match.playerB]?.activeMatch = active
            }
            handle(changes, of: index)
        }
        if !state.leagues.isEmpty {
            let unfinished = leagues.filter { $0.status != .completed }.count
            logger.info(
                "resumed from the store",
                metadata: ["agents": "\(state.agents.count)", "leagues": "\(leagues.count)", "unfinished": "\(unfinished)"])
        }
    }
}
