import LeagueProtocol

extension ManagerCore {
    func startLeague(_ wire: WireMessage, from identity: [UInt8]) throws(ProtocolError) {
        _ = try authenticateIfAgent(wire, from: identity)
        let message = try codec.decode(StartLeague.self, from: wire.body)
        let request = message.body
        guard (2...10_000).contains(request.playerCount) else {
            throw ProtocolError(.invalidFieldValue, "player_count must be 2…10000")
        }
        guard request.gameType == evenOddGameType else {
            throw ProtocolError(.invalidFieldValue, "game_type must be even_odd")
        }
        var generator = SystemRandomNumberGenerator()
        let seed = request.seed ?? UInt64.random(in: 0...UInt64.max, using: &generator)
        let id = "league-\(leagues.count + 1)"
        leagueIndex[id] = leagues.count
        leagues.append(
            LeagueState(id: id, gameType: request.gameType, seed: seed, requestedPlayers: request.playerCount, watcher: identity))
        logger.info("league created", metadata: ["league": "\(id)", "players": "\(request.playerCount)", "seed": "\(seed)"])
        send(
            StartLeagueResponse(status: .accepted, leagueID: id, playerCount: request.playerCount, seed: seed),
            to: identity, conversationID: message.envelope.conversationID)
        startWaitingLeagues()
        dispatch()
    }

    /// Starts each waiting league for which enough registered players are free, oldest first.
    func startWaitingLeagues() {
        for index in leagues.indices where leagues[index].status == .waiting {
            let free = registry.playerOrder.filter { registry[$0]?.leagueID == nil }
            guard free.count >= leagues[index].requestedPlayers else { continue }
            // The first players to have registered, scheduled in name order so a seeded league does not
            // depend on which connection registered first.
            let chosen = free.prefix(leagues[index].requestedPlayers).compactMap { id in
                registry[id].map { (id: $0.id, name: $0.displayName) }
            }.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
            for player in chosen { registry[player.id]?.leagueID = leagues[index].id }
            leagues[index].begin(players: chosen)
            announceRounds(through: 1, of: index)
            logger.info(
                "league started",
                metadata: [
                    "league": "\(leagues[index].id)", "rounds": "\(leagues[index].rounds.count)",
                    "matches": "\(leagues[index].matches.count)",
                ])
        }
    }

    /// Leases every match that can start now: a referee with free capacity and both players free.
    func dispatch() {
        for leagueIdx in leagues.indices where leagues[leagueIdx].status == .running {
            var position = 0
            while position < leagues[leagueIdx].pending.count {
                guard let refereeID = freeReferee() else { return }
                let matchIdx = leagues[leagueIdx].pending[position]
                let match = leagues[leagueIdx].matches[matchIdx]
                guard leagues[leagueIdx].isNextForBoth(matchIdx), registry[match.playerA]?.activeMatch == nil,
                    registry[match.playerB]?.activeMatch == nil
                else {
                    position += 1
                    continue
                }
                leagues[leagueIdx].pending.remove(at: position)
                lease(match: matchIdx, of: leagueIdx, to: refereeID)
            }
        }
    }

    /// The referee with the most free capacity (earliest registered on ties), if any has room.
    private func freeReferee() -> String? {
        var best: (id: String, free: Int)?
        for id in registry.refereeOrder {
            guard let referee = registry[id] else { continue }
            let free = referee.capacity - referee.leased
            if free > 0, free > (best?.free ?? 0) { best = (id, free) }
        }
        return best?.id
    }

    private func lease(match matchIdx: Int, of leagueIdx: Int, to refereeID: String) {
        let match = leagues[leagueIdx].matches[matchIdx]
        announceRounds(through: match.round, of: leagueIdx)
        guard let referee = registry[refereeID] else { return }
        let league = leagues[leagueIdx]
        let assignment = MatchAssignment(
            leagueID: league.id, roundID: match.round, matchID: match.id, gameType: league.gameType,
            playerAID: match.playerA, playerBID: match.playerB, seed: match.seed,
            playerAStandings: league.standings.record(of: match.playerA)?.summary ?? .init(),
            playerBStandings: league.standings.record(of: match.playerB)?.summary ?? .init())
        guard send(assignment, to: referee.identity, conversationID: league.conversationID(of: match)) else {
            // The referee is gone: stop leasing to it and keep the match for another one.
            registry[refereeID]?.capacity = 0
            leagues[leagueIdx].pending.insert(matchIdx, at: 0)
            logger.warning("referee unreachable; match stays pending", metadata: ["agent": "\(refereeID)", "match": "\(match.id)"])
            return
        }
        leagues[leagueIdx].matches[matchIdx].status = .running(refereeID: refereeID)
        registry[refereeID]?.leased += 1
        let active = AgentRegistry.ActiveMatch(leagueID: league.id, matchIndex: matchIdx, refereeID: refereeID)
        registry[match.playerA]?.activeMatch = active
        registry[match.playerB]?.activeMatch = active
        logger.debug("match leased", metadata: ["league": "\(league.id)", "match": "\(match.id)", "agent": "\(refereeID)"])
    }

    /// Sends ROUND_ANNOUNCEMENT for every round up to `round` not yet announced.
    private func announceRounds(through round: Int, of leagueIdx: Int) {
        while leagues[leagueIdx].announced < round {
            leagues[leagueIdx].announced += 1
            let league = leagues[leagueIdx]
            let number = league.announced
            let matches = league.rounds[number - 1].map { index in
                let match = league.matches[index]
                return ScheduledMatch(matchID: match.id, gameType: league.gameType, playerAID: match.playerA, playerBID: match.playerB)
            }
            let body = encode(
                RoundAnnouncement(leagueID: league.id, roundID: number, matches: matches), conversationID: "conv-\(league.id)-R\(number)")
            for identity in audience(of: league) { send(encoded: body, type: .roundAnnouncement, to: identity) }
        }
    }
}
