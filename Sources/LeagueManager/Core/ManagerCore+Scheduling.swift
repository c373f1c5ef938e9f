import LeagueFormats
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
        let game = GameType(request.gameType)
        guard game.isWellFormed else {
            throw ProtocolError(.invalidFieldValue, "game_type must be 1–32 characters of a-z, 0-9, _ and -")
        }
        guard isKnown(game) else {
            let hosted = policy.hostedGames.map(\.rawValue).sorted().joined(separator: ", ")
            throw ProtocolError(
                .invalidFieldValue, "no game \(game.rawValue.prefix(32)) here: hosted games are \(hosted), or one a registered referee runs"
            )
        }
        if let name = request.gauntletPlayer, request.format != .gauntlet || !Self.isValidName(name) {
            throw ProtocolError(.invalidFieldValue, "gauntlet_player names a player (1–64 characters) of a gauntlet league")
        }
        guard (request.gameOptions?.count ?? 0) <= 16, request.gameOptions?.keys.allSatisfy({ GameType($0).isWellFormed }) ?? true else {
            throw ProtocolError(.invalidFieldValue, "game_options: at most 16 options named with a-z, 0-9, _ and -")
        }
        var generator = SystemRandomNumberGenerator()
        let seed = request.seed ?? UInt64.random(in: 0...UInt64.max, using: &generator)
        let spec = LeagueSpec(
            id: LeagueID("league-\(leagues.count + 1)"), game: game, format: request.format ?? .roundRobin, seed: seed,
            requestedPlayers: request.playerCount, rounds: request.rounds, gauntletPlayer: request.gauntletPlayer,
            gameOptions: request.gameOptions ?? [:])
        let league: LeagueEngine
        do {
            league = try LeagueEngine(spec: spec, watcher: identity)
        } catch {
            throw ProtocolError(.invalidFieldValue, error.detail)
        }
        try persist("league") { () throws(StoreError) in try store.save(league: league.storedLeague, matches: []) }
        leagueIndex[league.id] = leagues.count
        leagues.append(league)
        logger.info(
            "league created",
            metadata: [
                "league": "\(league.id)", "players": "\(request.playerCount)", "game": "\(game)", "format": "\(spec.format.rawValue)",
            ])
        send(
            StartLeagueResponse(status: .accepted, leagueID: league.id.rawValue, playerCount: request.playerCount, seed: seed),
            to: identity, conversationID: message.envelope.conversationID)
        startWaitingLeagues(now: now)
        dispatch(now: now)
    }

    /// Whether leagues of `game` can be played here: a hosted game, or one a registered referee declared.
    func isKnown(_ game: GameType) -> Bool {
        policy.hostedGames.contains(game) || registry.refereeOrder.contains { registry[$0]?.games.contains(game) ?? false }
    }

    /// The players free for a league: registered, connected, in no league, playing its game; registration
    /// order. A gauntlet's named runner comes first when it is free.
    private func freePlayers(for league: LeagueEngine) -> [AgentID] {
        var free = registry.playerOrder.filter { id in
            guard let player = registry[id] else { return false }
            return player.leagueID == nil && player.isReachable && player.games.contains(league.spec.game)
        }
        if let runner = league.spec.gauntletPlayer, let index = free.firstIndex(where: { registry[$0]?.displayName == runner }) {
            free.insert(free.remove(at: index), at: 0)
        }
        return free
    }

    /// Why a waiting league has not started, for reports.
    func waitingReason(of league: LeagueEngine) -> String {
        let game = league.spec.game
        let free = freePlayers(for: league)
        var reasons = ["\(free.count) of \(league.spec.requestedPlayers) players who play \(game) are free"]
        if let runner = league.spec.gauntletPlayer, !free.contains(where: { registry[$0]?.displayName == runner }) {
            reasons.append("the gauntlet player \(runner) is not registered and free")
        }
        let referees = registry.refereeOrder.filter { registry[$0].map { $0.isReachable && $0.games.contains(game) } ?? false }
        if referees.isEmpty { reasons.append("no connected referee runs \(game)") }
        return reasons.joined(separator: "; ")
    }

    /// Starts each waiting league for which enough registered, connected players of its game are free,
    /// oldest first.
    func startWaitingLeagues(now: UInt64) {
        for index in leagues.indices where leagues[index].status == .waiting {
            let league = leagues[index]
            let free = freePlayers(for: league)
            guard free.count >= league.spec.requestedPlayers else { continue }
            if let runner = league.spec.gauntletPlayer, registry[free[0]]?.displayName != runner { continue }
            // The first players to have registered, scheduled in name order so a seeded league does not
            // depend on which connection registered first.
            let chosen = free.prefix(league.spec.requestedPlayers).compactMap { id in
                registry[id].map { (id: $0.id, name: $0.displayName) }
            }.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
            let candidate: LeagueEngine
            do {
                candidate = try LeagueEngine(spec: league.spec, watcher: nil)
            } catch {
                continue  // validated when the league was created
            }
            for watcher in league.watchers { candidate.watch(watcher) }
            let events = candidate.begin(players: chosen)
            do {
                try store.save(league: candidate.storedLeague, matches: candidate.storedMatches(from: 0))
            } catch {
                stats.storeFailures += 1
                logger.error(
                    "could not store the schedule; the league keeps waiting", metadata: ["league": "\(candidate.id)", "error": "\(error)"])
                continue
            }
            candidate.stored(through: candidate.matches.count)
            leagues[index] = candidate
            for player in chosen { registry[player.id]?.leagueID = candidate.id }
            announceRounds(through: 1, of: index)
            handle(events.filter { $0 != .scheduled(first: 0) }, of: index)
            publish(.leagueStarted, candidate.id, detail: "\(chosen.count) players")
            logger.info(
                "league started",
                metadata: [
                    "league": "\(candidate.id)", "rounds": "\(candidate.totalRounds)", "matches": "\(candidate.totalMatches)",
                ])
        }
    }

    /// Leases every match that can start now, and forfeits those whose player stayed away too long.
    ///
    /// A match is considered only when it is the next match of both its players. If either player has been
    /// gone longer than the grace period it is a technical loss at once; if both are connected and free
    /// and a referee that runs the game has room, it is leased.
    func dispatch(now: UInt64) {
        var refereesFull: Set<GameType> = []
        for leagueIdx in leagues.indices where leagues[leagueIdx].status == .running {
            let league = leagues[leagueIdx]
            var candidates = league.startable()
            var position = 0
            while position < candidates.count {
                let matchIdx = candidates[position]
                position += 1
                guard league.status == .running, league.isNextForBoth(matchIdx), league.matches[matchIdx].status == .pending else {
                    continue
                }
                let match = league.matches[matchIdx]
                let absent = match.players.filter { isForfeiting($0, now: now) }
                if !absent.isEmpty {
                    forfeit(MatchRef(league: leagueIdx, match: matchIdx), absent: absent, now: now)
                    // A forfeit finishes a match: the players' next matches may be startable now.
                    let known = Set(candidates)
                    candidates += league.startable().filter { !known.contains($0) }
                    continue
                }
                guard !refereesFull.contains(league.spec.game), let a = registry[match.playerA], let b = registry[match.playerB],
                    a.isReachable, b.isReachable, a.activeMatch == nil, b.activeMatch == nil
                else { continue }
                guard let refereeID = freeReferee(for: league.spec.game, now: now) else {
                    refereesFull.insert(league.spec.game)
                    continue
                }
                lease(MatchRef(league: leagueIdx, match: matchIdx), to: refereeID, now: now)
            }
        }
    }

    /// Whether a player has been gone longer than the grace period.
    func isForfeiting(_ playerID: AgentID, now: UInt64) -> Bool {
        guard let player = registry[playerID], !player.connected, let since = player.disconnectedAt else { return false }
        return now &- since >= policy.grace
    }

    /// The reachable referee running `game` with the most free capacity and a closed breaker (earliest
    /// registered on ties).
    private func freeReferee(for game: GameType, now: UInt64) -> AgentID? {
        var best: (id: AgentID, free: Int)?
        for id in registry.refereeOrder {
            guard let referee = registry[id], referee.isReachable, referee.accepting, referee.games.contains(game),
                referee.breaker.allows(now)
            else { continue }
            let free = referee.capacity - referee.leased
            if free > 0, free > (best?.free ?? 0) { best = (id, free) }
        }
        return best?.id
    }

    /// Grants the next lease of a match to a referee and sends MATCH_ASSIGNMENT (resent until acknowledged).
    private func lease(_ ref: MatchRef, to refereeID: AgentID, now: UInt64) {
        let league = leagues[ref.league]
        announceRounds(through: league.matches[ref.match].round, of: ref.league)
        let leaseID = league.lease(ref.match, to: refereeID, now: now)
        let match = league.matches[ref.match]
        registry[refereeID]?.leased += 1
        registry[refereeID]?.breaker.sent(now)
        let active = AgentRegistry.ActiveMatch(match: ref, refereeID: refereeID)
        registry[match.playerA]?.activeMatch = active
        registry[match.playerB]?.activeMatch = active
        do {
            try store.updateLease(
                leagueID: league.id.rawValue, matchID: match.id.rawValue, leaseID: leaseID, refereeID: refereeID.rawValue)
        } catch {
            stats.storeFailures += 1
            logger.error("could not store a lease", metadata: ["match": "\(match.id)", "error": "\(error)"])
        }
        unacknowledged.insert(ref)
        sendAssignment(ref, now: now)
        events?.publish(
            LeagueEvent(
                kind: .matchStarted, leagueID: league.id.rawValue, matchID: match.id.rawValue, agentID: refereeID.rawValue,
                detail: "lease \(leaseID)"))
        logger.debug(
            "match leased", metadata: ["league": "\(league.id)", "match": "\(match.id)", "agent": "\(refereeID)", "lease": "\(leaseID)"])
    }

    /// Sends (or resends) a lease's MATCH_ASSIGNMENT and schedules the next attempt with exponential backoff.
    func sendAssignment(_ ref: MatchRef, now: UInt64) {
        let league = leagues[ref.league]
        let match = league.matches[ref.match]
        guard let refereeID = match.status.referee, let referee = registry[refereeID] else { return }
        let assignment = MatchAssignment(
            leagueID: league.id.rawValue, roundID: match.round, matchID: match.id.rawValue, gameType: league.spec.game.rawValue,
            playerAID: match.playerA.rawValue, playerBID: match.playerB.rawValue, seed: match.seed, leaseID: match.lease,
            playerAStandings: league.standings.record(of: match.playerA.rawValue)?.summary ?? .init(),
            playerBStandings: league.standings.record(of: match.playerB.rawValue)?.summary ?? .init(),
            gameOptions: league.spec.gameOptions.isEmpty ? nil : league.spec.gameOptions)
        let first = UInt64(max(1, policy.assignmentRetryMilliseconds)) * 1_000_000
        let attempts = league.noteAssignmentSent(ref.match, now: now) { attempts in first << UInt64(min(attempts - 1, 16)) }
        if attempts > 1 { stats.retries += 1 }
        league.record(ref.match, MessageType.matchAssignment.rawValue, from: "LM", to: refereeID.rawValue, now: now)
        send(assignment, to: referee.identity, conversationID: league.conversationID(of: ref.match))
    }

    /// MATCH_ASSIGNMENT_ACK: the referee took the lease (its breaker closes) or declined it (it is taken back).
    func assignmentAcknowledged(_ wire: WireMessage, from identity: [UInt8], now: UInt64) throws(ProtocolError) {
        let referee = try authenticate(wire, from: identity, now: now)
        let ack = try codec.decode(MatchAssignmentAck.self, from: wire.body).body
        guard let leagueIdx = leagueIndex[LeagueID(ack.leagueID)], let matchIdx = leagues[leagueIdx].matchIndex(of: ack.matchID) else {
            throw ProtocolError(.matchNotFound, "no match \(ack.matchID.prefix(20)) in \(ack.leagueID.prefix(40))")
        }
        let league = leagues[leagueIdx]
        let match = league.matches[matchIdx]
        guard match.status == .running(referee: referee.id), match.lease == ack.leaseID else { return }  // stale
        let ref = MatchRef(league: leagueIdx, match: matchIdx)
        league.record(matchIdx, MessageType.matchAssignmentAck.rawValue, from: referee.id.rawValue, to: "LM", now: now)
        unacknowledged.remove(ref)
        if ack.accepted {
            league.acknowledge(matchIdx)
            registry[referee.id]?.breaker.succeeded()
        } else {
            registry[referee.id]?.accepting = false
            revoke(ref, reason: "referee declined" + (ack.reason.map { ": \($0.prefix(200))" } ?? ""), now: now)
            dispatch(now: now)
        }
    }

    /// Sends ROUND_ANNOUNCEMENT for every round up to `round` not yet announced.
    func announceRounds(through round: Int, of leagueIdx: Int) {
        let league = leagues[leagueIdx]
        guard let numbers = league.announce(through: round) else { return }
        for number in numbers {
            let matches = league.roundMatches[number - 1].map { index in
                let match = league.matches[index]
                return ScheduledMatch(
                    matchID: match.id.rawValue, gameType: league.spec.game.rawValue, playerAID: match.playerA.rawValue,
                    playerBID: match.playerB.rawValue)
            }
            let body = encode(
                RoundAnnouncement(leagueID: league.id.rawValue, roundID: number, matches: matches),
                conversationID: "conv-\(league.id)-R\(number)")
            for identity in audience(of: league) { send(encoded: body, type: .roundAnnouncement, to: identity) }
        }
    }

    /// The league's players and watchers, each connection once.
    func audience(of league: LeagueEngine) -> [[UInt8]] {
        var seen = Set<[UInt8]>()
        return (league.players.compactMap { registry[$0]?.identity } + league.watchers).filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// Publishes a live event about a league.
    func publish(_ kind: LeagueEvent.Kind, _ league: LeagueID, detail: String) {
        events?.publish(LeagueEvent(kind: kind, leagueID: league.rawValue, detail: detail))
    }
}
