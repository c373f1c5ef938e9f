import LeagueProtocol
import LeagueStore

extension ManagerCore {
    func startLeague(_ wire: WireMessage, from identity: [UInt8], now: UInt64) throws(ProtocolError) {
        guard registry.id(forIdentity: identity) == nil else {
            throw ProtocolError(.invalidState, "agents cannot start leagues; use an operator connection")
        }
        if let required = policy.operatorToken {
            guard !wire.token.isEmpty else { throw ProtocolError(.authTokenMissing, "START_LEAGUE needs the operator token") }
            guard wire.token == Array(required.utf8) else { throw ProtocolError(.authTokenInvalid, "wrong operator token") }
        } else if !wire.token.isEmpty {
            throw ProtocolError(.authTokenInvalid, "this manager has no operator token")
        }
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
        let league = LeagueState(id: id, gameType: request.gameType, seed: seed, requestedPlayers: request.playerCount, watcher: identity)
        try persist("league") { () throws(StoreError) in try store.save(league: league.storedLeague, matches: []) }
        leagueIndex[id] = leagues.count
        leagues.append(league)
        logger.info("league created", metadata: ["league": "\(id)", "players": "\(request.playerCount)"])
        send(
            StartLeagueResponse(status: .accepted, leagueID: id, playerCount: request.playerCount, seed: seed),
            to: identity, conversationID: message.envelope.conversationID)
        startWaitingLeagues(now: now)
        dispatch(now: now)
    }

    /// Starts each waiting league for which enough registered, connected players are free, oldest first.
    func startWaitingLeagues(now: UInt64) {
        for index in leagues.indices where leagues[index].status == .waiting {
            let free = registry.playerOrder.filter { id in
                guard let player = registry[id] else { return false }
                return player.leagueID == nil && player.isReachable
            }
            guard free.count >= leagues[index].requestedPlayers else { continue }
            // The first players to have registered, scheduled in name order so a seeded league does not
            // depend on which connection registered first.
            let chosen = free.prefix(leagues[index].requestedPlayers).compactMap { id in
                registry[id].map { (id: $0.id, name: $0.displayName) }
            }.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
            var candidate = leagues[index]
            candidate.begin(players: chosen)
            do {
                try store.save(league: candidate.storedLeague, matches: candidate.matches.indices.map(candidate.stored))
            } catch {
                stats.storeFailures += 1
                logger.error(
                    "could not store the schedule; the league keeps waiting", metadata: ["league": "\(candidate.id)", "error": "\(error)"])
                continue
            }
            leagues[index] = candidate
            for player in chosen { registry[player.id]?.leagueID = candidate.id }
            announceRounds(through: 1, of: index)
            events?.publish(LeagueEvent(kind: .leagueStarted, leagueID: candidate.id, detail: "\(chosen.count) players"))
            logger.info(
                "league started",
                metadata: ["league": "\(candidate.id)", "rounds": "\(candidate.rounds.count)", "matches": "\(candidate.matches.count)"])
        }
    }

    /// Leases every match that can start now, and forfeits those whose player stayed away too long.
    ///
    /// A match is considered only when it is the next match of both its players. If either player has been
    /// gone longer than the grace period it is a technical loss at once; if both are connected and free
    /// and a referee has room, it is leased.
    func dispatch(now: UInt64) {
        var refereesFull = false
        for leagueIdx in leagues.indices where leagues[leagueIdx].status == .running {
            var position = 0
            while position < leagues[leagueIdx].pending.count {
                let matchIdx = leagues[leagueIdx].pending[position]
                guard leagues[leagueIdx].isNextForBoth(matchIdx) else {
                    position += 1
                    continue
                }
                let match = leagues[leagueIdx].matches[matchIdx]
                let absent = [match.playerA, match.playerB].filter { isForfeiting($0, now: now) }
                if !absent.isEmpty {
                    leagues[leagueIdx].pending.remove(at: position)
                    forfeit(MatchRef(league: leagueIdx, match: matchIdx), absent: absent, now: now)
                    continue
                }
                guard !refereesFull, let a = registry[match.playerA], let b = registry[match.playerB], a.isReachable, b.isReachable,
                    a.activeMatch == nil, b.activeMatch == nil
                else {
                    position += 1
                    continue
                }
                guard let refereeID = freeReferee(now: now) else {
                    refereesFull = true
                    position += 1
                    continue
                }
                leagues[leagueIdx].pending.remove(at: position)
                lease(MatchRef(league: leagueIdx, match: matchIdx), to: refereeID, now: now)
            }
        }
    }

    /// Whether a player has been gone longer than the grace period.
    func isForfeiting(_ playerID: String, now: UInt64) -> Bool {
        guard let player = registry[playerID], !player.connected, let since = player.disconnectedAt else { return false }
        return now &- since >= policy.grace
    }

    /// The reachable referee with the most free capacity and a closed breaker (earliest registered on ties).
    private func freeReferee(now: UInt64) -> String? {
        var best: (id: String, free: Int)?
        for id in registry.refereeOrder {
            guard let referee = registry[id], referee.isReachable, referee.accepting, referee.breaker.allows(now) else { continue }
            let free = referee.capacity - referee.leased
            if free > 0, free > (best?.free ?? 0) { best = (id, free) }
        }
        return best?.id
    }

    /// Grants the next lease of a match to a referee and sends MATCH_ASSIGNMENT (resent until acknowledged).
    private func lease(_ ref: MatchRef, to refereeID: String, now: UInt64) {
        let match = leagues[ref.league].matches[ref.match]
        announceRounds(through: match.round, of: ref.league)
        let leaseID = match.lease + 1
        leagues[ref.league].matches[ref.match].status = .running(refereeID: refereeID)
        leagues[ref.league].matches[ref.match].lease = leaseID
        leagues[ref.league].matches[ref.match].leasedAt = now
        leagues[ref.league].matches[ref.match].acknowledged = false
        leagues[ref.league].matches[ref.match].attempts = 0
        leagues[ref.league].matches[ref.match].transcript = []
        registry[refereeID]?.leased += 1
        registry[refereeID]?.breaker.sent(now)
        let active = AgentRegistry.ActiveMatch(leagueIndex: ref.league, matchIndex: ref.match, refereeID: refereeID)
        registry[match.playerA]?.activeMatch = active
        registry[match.playerB]?.activeMatch = active
        do {
            try store.updateLease(leagueID: leagues[ref.league].id, matchID: match.id, leaseID: leaseID, refereeID: refereeID)
        } catch {
            stats.storeFailures += 1
            logger.error("could not store a lease", metadata: ["match": "\(match.id)", "error": "\(error)"])
        }
        unacknowledged.insert(ref)
        sendAssignment(ref, now: now)
        events?.publish(
            LeagueEvent(
                kind: .matchStarted, leagueID: leagues[ref.league].id, matchID: match.id, agentID: refereeID, detail: "lease \(leaseID)"))
        logger.debug(
            "match leased",
            metadata: ["league": "\(leagues[ref.league].id)", "match": "\(match.id)", "agent": "\(refereeID)", "lease": "\(leaseID)"])
    }

    /// Sends (or resends) a lease's MATCH_ASSIGNMENT and schedules the next attempt with exponential backoff.
    func sendAssignment(_ ref: MatchRef, now: UInt64) {
        let league = leagues[ref.league]
        let match = league.matches[ref.match]
        guard case .running(let refereeID) = match.status, let referee = registry[refereeID] else { return }
        let assignment = MatchAssignment(
            leagueID: league.id, roundID: match.round, matchID: match.id, gameType: league.gameType,
            playerAID: match.playerA, playerBID: match.playerB, seed: match.seed, leaseID: match.lease,
            playerAStandings: league.standings.record(of: match.playerA)?.summary ?? .init(),
            playerBStandings: league.standings.record(of: match.playerB)?.summary ?? .init())
        let attempts = match.attempts + 1
        leagues[ref.league].matches[ref.match].attempts = attempts
        let backoff = UInt64(max(1, policy.assignmentRetryMilliseconds)) * 1_000_000 << UInt64(min(attempts - 1, 16))
        leagues[ref.league].matches[ref.match].nextRetry = now + backoff
        if attempts > 1 { stats.retries += 1 }
        record(ref, MessageType.matchAssignment.rawValue, from: "LM", to: refereeID, now: now)
        send(assignment, to: referee.identity, conversationID: league.conversationID(of: match))
    }

    /// MATCH_ASSIGNMENT_ACK: the referee took the lease (its breaker closes) or declined it (it is taken back).
    func assignmentAcknowledged(_ wire: WireMessage, from identity: [UInt8], now: UInt64) throws(ProtocolError) {
        let referee = try authenticate(wire, from: identity, now: now)
        let ack = try codec.decode(MatchAssignmentAck.self, from: wire.body).body
        guard let leagueIdx = leagueIndex[ack.leagueID], let matchIdx = leagues[leagueIdx].matchIndex(of: ack.matchID) else {
            throw ProtocolError(.matchNotFound, "no match \(ack.matchID.prefix(20)) in \(ack.leagueID.prefix(40))")
        }
        let match = leagues[leagueIdx].matches[matchIdx]
        guard match.status == .running(refereeID: referee.id), match.lease == ack.leaseID else { return }  // stale
        let ref = MatchRef(league: leagueIdx, match: matchIdx)
        record(ref, MessageType.matchAssignmentAck.rawValue, from: referee.id, to: "LM", now: now)
        unacknowledged.remove(ref)
        if ack.accepted {
            leagues[leagueIdx].matches[matchIdx].acknowledged = true
            registry[referee.id]?.breaker.succeeded()
        } else {
            registry[referee.id]?.accepting = false
            revoke(ref, reason: "referee declined", now: now)
            dispatch(now: now)
        }
    }

    /// Sends ROUND_ANNOUNCEMENT for every round up to `round` not yet announced.
    func announceRounds(through round: Int, of leagueIdx: Int) {
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

    /// The league's players and watchers, each connection once.
    func audience(of league: LeagueState) -> [[UInt8]] {
        var seen = Set<[UInt8]>()
        return (league.players.compactMap { registry[$0]?.identity } + league.watchers).filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}
