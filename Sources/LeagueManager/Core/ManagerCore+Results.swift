import LeagueProtocol
import LeagueStore

extension ManagerCore {
    func recordResult(_ wire: WireMessage, from identity: [UInt8], now: UInt64) throws(ProtocolError) {
        let referee = try authenticate(wire, from: identity, now: now)
        guard referee.role == .referee else { throw ProtocolError(.resultRejected, "only referees report results") }
        let message = try codec.decode(MatchResultReport.self, from: wire.body)
        let report = message.body
        let conversation = message.envelope.conversationID
        guard let leagueIdx = leagueIndex[LeagueID(report.leagueID)] else {
            throw ProtocolError(.leagueNotFound, "no league \(report.leagueID.prefix(40))")
        }
        let league = leagues[leagueIdx]
        guard let matchIdx = league.matchIndex(of: report.matchID) else {
            throw ProtocolError(.matchNotFound, "no match \(report.matchID.prefix(20)) in \(report.leagueID)")
        }
        let match = league.matches[matchIdx]
        let ref = MatchRef(league: leagueIdx, match: matchIdx)
        if match.status == .finished {
            stats.duplicateResults += 1
            logger.warning(
                "duplicate result", metadata: ["agent": "\(referee.id)", "match": "\(match.id)", "lease": "\(report.leaseID ?? 0)"])
            send(
                MatchResultAck(
                    leagueID: report.leagueID, matchID: report.matchID, leaseID: report.leaseID, status: .rejected,
                    reason: "duplicate: the result is already recorded"),
                to: identity, conversationID: conversation)
            return
        }
        guard match.status == .running(referee: referee.id), report.leaseID.map({ $0 == match.lease }) ?? true else {
            stats.staleResults += 1
            logger.warning(
                "result from a lease that is not current",
                metadata: [
                    "agent": "\(referee.id)", "match": "\(match.id)", "lease": "\(report.leaseID ?? 0)", "current": "\(match.lease)",
                ])
            throw ProtocolError(
                .resultRejected,
                "match \(match.id) lease \(report.leaseID ?? 0) is not held by \(referee.id) (current lease \(match.lease))")
        }
        let winner = try OutcomeCheck.validate(report.result, playerA: match.playerA, playerB: match.playerB)
        league.record(matchIdx, MessageType.matchResultReport.rawValue, from: referee.id.rawValue, to: "LM", now: now)
        try commit(ref, result: report.result, refereeID: referee.id)
        stats.matchesFinished += 1
        logger.debug(
            "match finished",
            metadata: [
                "league": "\(report.leagueID)", "match": "\(match.id)", "result": "\(report.result.details.status.rawValue)",
                "winner": "\(winner?.rawValue ?? "-")",
            ])
        send(
            MatchResultAck(leagueID: report.leagueID, matchID: report.matchID, leaseID: match.lease, status: .accepted), to: identity,
            conversationID: conversation)
        apply(ref, result: report.result, refereeID: referee.id, now: now)
        startWaitingLeagues(now: now)
        dispatch(now: now)
    }

    /// Records a technical loss for the players who stayed away past the grace period (no referee involved).
    func forfeit(_ ref: MatchRef, absent: [AgentID], now: UInt64) {
        let league = leagues[ref.league]
        let match = league.matches[ref.match]
        let losers = match.players.filter(absent.contains)
        let result = MatchResultReport.Result.technicalLoss(
            playerA: match.playerA.rawValue, playerB: match.playerB.rawValue, losers: losers.map(\.rawValue), seed: match.seed,
            reason: "\(losers.map(\.rawValue).joined(separator: " and ")) stayed away past the grace period")
        league.removePending(ref.match)
        league.beginForfeit(ref.match, now: now)
        do {
            try commit(ref, result: result, refereeID: nil)
        } catch {
            league.requeue(ref.match)  // try again on the next tick
            return
        }
        stats.forfeits += 1
        stats.matchesFinished += 1
        logger.info("match forfeited", metadata: ["league": "\(league.id)", "match": "\(match.id)", "absent": "\(losers)"])
        apply(ref, result: result, refereeID: nil, now: now)
    }

    /// Writes a result and its transcript to the store; nothing is acknowledged unless this succeeded.
    private func commit(_ ref: MatchRef, result: MatchResultReport.Result, refereeID: AgentID?) throws(ProtocolError) {
        let league = leagues[ref.league]
        let match = league.matches[ref.match]
        var transcript = league.liveTranscript(ref.match)
        transcript.result = result
        transcript.seed = match.seed
        transcript.refereeID = refereeID?.rawValue
        let stored = StoredResult(
            leagueID: league.id.rawValue, matchID: match.id.rawValue, leaseID: match.lease, refereeID: refereeID?.rawValue, result: result,
            transcript: transcript, completesLeague: league.wouldComplete(with: ref.match, result: result))
        try persist("result") { () throws(StoreError) in try store.recordResult(stored) }
    }

    /// Applies a committed result: standings, freed players and referee, round and league completion.
    private func apply(_ ref: MatchRef, result: MatchResultReport.Result, refereeID: AgentID?, now: UInt64) {
        let league = leagues[ref.league]
        let match = league.matches[ref.match]
        let seconds = Double(now &- match.leasedAt) / 1e9
        durations.append(seconds)
        stats.matchesByResult[result.details.status.rawValue, default: 0] += 1
        events?.publish(
            LeagueEvent(
                kind: .matchFinished, leagueID: league.id.rawValue, matchID: match.id.rawValue, agentID: refereeID?.rawValue,
                result: result.details.status, winner: result.winner, durationMilliseconds: seconds * 1_000))
        let changes = league.finish(ref.match, result: result)
        unacknowledged.remove(ref)
        for player in match.players where registry[player]?.activeMatch?.match == ref {
            registry[player]?.activeMatch = nil
        }
        if let refereeID { registry[refereeID]?.leased -= 1 }
        handle(changes, of: ref.league)
    }

    /// Acts on what a league engine reports: stores new rounds, announces completed rounds, ends the league.
    func handle(_ changes: [EngineEvent], of leagueIdx: Int) {
        for change in changes {
            switch change {
            case .scheduled(let first): storeSchedule(of: leagueIdx, from: first)
            case .roundCompleted(let round): roundCompleted(round, of: leagueIdx)
            case .leagueCompleted: finish(leagueIdx)
            }
        }
    }

    /// Stores the matches a format added; they are leased only once stored (retried on each heartbeat tick).
    func storeSchedule(of leagueIdx: Int, from first: Int) {
        let league = leagues[leagueIdx]
        do {
            try store.save(league: league.storedLeague, matches: league.storedMatches(from: first))
            league.stored(through: league.matches.count)
            unstoredLeagues.remove(leagueIdx)
            logger.info("rounds scheduled", metadata: ["league": "\(league.id)", "matches": "\(league.matches.count - first)"])
        } catch {
            stats.storeFailures += 1
            unstoredLeagues.insert(leagueIdx)
            logger.error("could not store new rounds; trying again", metadata: ["league": "\(league.id)", "error": "\(error)"])
        }
    }

    /// Sends LEAGUE_STANDINGS_UPDATE and ROUND_COMPLETED for a round now complete.
    private func roundCompleted(_ round: Int, of leagueIdx: Int) {
        let league = leagues[leagueIdx]
        var wins = 0
        var draws = 0
        var technical = 0
        let indices = league.roundMatches[round - 1]
        for index in indices {
            switch league.matches[index].result?.details.status {
            case .win: wins += 1
            case .draw: draws += 1
            case .technicalLoss: technical += 1
            case nil: break
            }
        }
        let rows = league.standings.rows()
        let total = max(league.totalRounds, league.rounds.count)
        let conversation = "conv-\(league.id)-R\(round)"
        let standings = encode(
            LeagueStandingsUpdate(leagueID: league.id.rawValue, roundID: round, standings: rows), conversationID: conversation)
        let completed = encode(
            RoundCompleted(
                leagueID: league.id.rawValue, roundID: round, totalRounds: total, matchesCompleted: indices.count,
                nextRoundID: round < total ? round + 1 : nil,
                summary: .init(totalMatches: indices.count, wins: wins, draws: draws, technicalLosses: technical)),
            conversationID: conversation)
        events?.publish(LeagueEvent(kind: .standingsChanged, leagueID: league.id.rawValue, round: round, standings: rows))
        for identity in audience(of: league) {
            send(encoded: standings, type: .leagueStandingsUpdate, to: identity)
            send(encoded: completed, type: .roundCompleted, to: identity)
        }
        logger.info("round completed", metadata: ["league": "\(league.id)", "round": "\(round)/\(total)"])
    }

    /// Sends LEAGUE_COMPLETED to the league's players, every referee and the watchers.
    private func finish(_ leagueIdx: Int) {
        let league = leagues[leagueIdx]
        let rows = league.standings.rows()
        let champion = rows.first.map { LeagueCompleted.Champion(playerID: $0.playerID, displayName: $0.displayName, points: $0.points) }
        let body = encode(
            LeagueCompleted(
                leagueID: league.id.rawValue, totalRounds: league.rounds.count, totalMatches: league.matches.count, champion: champion,
                finalStandings: rows),
            conversationID: "conv-\(league.id)-end")
        var recipients = audience(of: league)
        for id in registry.refereeOrder { if let referee = registry[id], !referee.identity.isEmpty { recipients.append(referee.identity) } }
        for identity in recipients { send(encoded: body, type: .leagueCompleted, to: identity) }
        for player in league.players { registry[player]?.leagueID = nil }
        stats.leaguesCompleted += 1
        events?.publish(LeagueEvent(kind: .leagueCompleted, leagueID: league.id.rawValue, winner: champion?.playerID, standings: rows))
        logger.info("league completed", metadata: ["league": "\(league.id)", "champion": "\(champion?.playerID ?? "-")"])
    }
}
