import LeagueProtocol
import LeagueStore

extension ManagerCore {
    func recordResult(_ wire: WireMessage, from identity: [UInt8], now: UInt64) throws(ProtocolError) {
        let referee = try authenticate(wire, from: identity, now: now)
        guard referee.role == .referee else { throw ProtocolError(.resultRejected, "only referees report results") }
        let message = try codec.decode(MatchResultReport.self, from: wire.body)
        let report = message.body
        let conversation = message.envelope.conversationID
        guard let leagueIdx = leagueIndex[report.leagueID] else {
            throw ProtocolError(.leagueNotFound, "no league \(report.leagueID.prefix(40))")
        }
        guard let matchIdx = leagues[leagueIdx].matchIndex(of: report.matchID) else {
            throw ProtocolError(.matchNotFound, "no match \(report.matchID.prefix(20)) in \(report.leagueID)")
        }
        let match = leagues[leagueIdx].matches[matchIdx]
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
        guard match.status == .running(refereeID: referee.id), report.leaseID.map({ $0 == match.lease }) ?? true else {
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
        let winner = try Self.validate(report.result, playerA: match.playerA, playerB: match.playerB)
        record(ref, MessageType.matchResultReport.rawValue, from: referee.id, to: "LM", now: now)
        try commit(ref, result: report.result, refereeID: referee.id)
        stats.matchesFinished += 1
        logger.debug(
            "match finished",
            metadata: [
                "league": "\(report.leagueID)", "match": "\(match.id)", "result": "\(report.result.details.status.rawValue)",
                "winner": "\(winner ?? "-")",
            ])
        send(
            MatchResultAck(leagueID: report.leagueID, matchID: report.matchID, leaseID: match.lease, status: .accepted), to: identity,
            conversationID: conversation)
        apply(ref, result: report.result, refereeID: referee.id, now: now)
        startWaitingLeagues(now: now)
        dispatch(now: now)
    }

    /// Records a technical loss for the players who stayed away past the grace period (no referee involved).
    func forfeit(_ ref: MatchRef, absent: [String], now: UInt64) {
        let match = leagues[ref.league].matches[ref.match]
        let losers = [match.playerA, match.playerB].filter(absent.contains)
        let winner = losers.count == 1 ? (losers[0] == match.playerA ? match.playerB : match.playerA) : nil
        let reason = "\(losers.joined(separator: " and ")) stayed away past the grace period"
        let score = [match.playerA: winner == match.playerA ? 3 : 0, match.playerB: winner == match.playerB ? 3 : 0]
        let result = MatchResultReport.Result(
            winner: winner, score: score,
            details: .init(
                status: .technicalLoss, drawnNumber: nil, choices: [:], seed: match.seed, reason: reason, technicalLosers: losers))
        leagues[ref.league].matches[ref.match].leasedAt = now
        leagues[ref.league].matches[ref.match].transcript = []
        do {
            try commit(ref, result: result, refereeID: nil)
        } catch {
            leagues[ref.league].requeue(ref.match)  // try again on the next tick
            return
        }
        stats.forfeits += 1
        stats.matchesFinished += 1
        logger.info("match forfeited", metadata: ["league": "\(leagues[ref.league].id)", "match": "\(match.id)", "absent": "\(losers)"])
        apply(ref, result: result, refereeID: nil, now: now)
    }

    /// Writes a result and its transcript to the store; nothing is acknowledged unless this succeeded.
    private func commit(_ ref: MatchRef, result: MatchResultReport.Result, refereeID: String?) throws(ProtocolError) {
        let league = leagues[ref.league]
        let match = league.matches[ref.match]
        var transcript = league.liveTranscript(ref.match)
        transcript.result = result
        transcript.seed = match.seed
        transcript.refereeID = refereeID
        let stored = StoredResult(
            leagueID: league.id, matchID: match.id, leaseID: match.lease, refereeID: refereeID, result: result, transcript: transcript,
            completesLeague: league.finishedMatches + 1 == league.matches.count)
        try persist("result") { () throws(StoreError) in try store.recordResult(stored) }
    }

    /// Applies a committed result: standings, freed players and referee, round and league completion.
    private func apply(_ ref: MatchRef, result: MatchResultReport.Result, refereeID: String?, now: UInt64) {
        let match = leagues[ref.league].matches[ref.match]
        let seconds = Double(now &- match.leasedAt) / 1e9
        durations.append(seconds)
        stats.matchesByResult[result.details.status.rawValue, default: 0] += 1
        events?.publish(
            LeagueEvent(
                kind: .matchFinished, leagueID: leagues[ref.league].id, matchID: match.id, agentID: refereeID,
                result: result.details.status,
                winner: result.winner, durationMilliseconds: seconds * 1_000))
        leagues[ref.league].matches[ref.match].status = .finished
        leagues[ref.league].matches[ref.match].result = result
        leagues[ref.league].matches[ref.match].transcript = []
        leagues[ref.league].standings.apply(a: match.playerA, b: match.playerB, status: result.details.status, winner: result.winner)
        leagues[ref.league].finishedMatches += 1
        leagues[ref.league].unfinishedInRound[match.round - 1] -= 1
        leagues[ref.league].played[match.playerA, default: 0] += 1
        leagues[ref.league].played[match.playerB, default: 0] += 1
        unacknowledged.remove(ref)
        for player in [match.playerA, match.playerB] where registry[player]?.activeMatch?.matchIndex == ref.match {
            registry[player]?.activeMatch = nil
        }
        if let refereeID { registry[refereeID]?.leased -= 1 }
        completeRounds(of: ref.league)
        if leagues[ref.league].isFinished { finish(ref.league) }
    }

    /// Checks that a reported result is consistent with the Even/Odd rules; returns the winner.
    static func validate(_ result: MatchResultReport.Result, playerA: String, playerB: String) throws(ProtocolError) -> String? {
        let players: Set = [playerA, playerB]
        let details = result.details
        if let winner = result.winner, !players.contains(winner) {
            throw ProtocolError(.invalidFieldValue, "winner \(winner.prefix(20)) did not play this match")
        }
        switch details.status {
        case .win:
            guard result.winner != nil, let number = details.drawnNumber, (1...10).contains(number) else {
                throw ProtocolError(.invalidFieldValue, "a WIN needs a winner and a drawn_number 1…10")
            }
        case .draw:
            guard result.winner == nil else { throw ProtocolError(.invalidFieldValue, "a DRAW has no winner") }
        case .technicalLoss:
            let losers = Set(details.technicalLosers)
            guard !losers.isEmpty, losers.isSubset(of: players) else {
                throw ProtocolError(.invalidFieldValue, "a TECHNICAL_LOSS names its technical_losers")
            }
            let expected = losers.count == 1 ? players.subtracting(losers).first : nil
            guard result.winner == expected else {
                throw ProtocolError(.invalidFieldValue, "the winner of a TECHNICAL_LOSS is the player who did not fail")
            }
        }
        return result.winner
    }

    /// Sends LEAGUE_STANDINGS_UPDATE and ROUND_COMPLETED for each round now complete, in round order.
    private func completeRounds(of leagueIdx: Int) {
        while leagues[leagueIdx].completed < leagues[leagueIdx].rounds.count,
            leagues[leagueIdx].unfinishedInRound[leagues[leagueIdx].completed] == 0
        {
            leagues[leagueIdx].completed += 1
            let league = leagues[leagueIdx]
            let round = league.completed
            var wins = 0
            var draws = 0
            var technical = 0
            for index in league.rounds[round - 1] {
                switch league.matches[index].result?.details.status {
                case .win: wins += 1
                case .draw: draws += 1
                case .technicalLoss: technical += 1
                case nil: break
                }
            }
            let conversation = "conv-\(league.id)-R\(round)"
            let standings = encode(
                LeagueStandingsUpdate(leagueID: league.id, roundID: round, standings: league.standings.rows()), conversationID: conversation
            )
            let completed = encode(
                RoundCompleted(
                    leagueID: league.id, roundID: round, totalRounds: league.rounds.count,
                    matchesCompleted: league.rounds[round - 1].count,
                    nextRoundID: round < league.rounds.count ? round + 1 : nil,
                    summary: .init(totalMatches: league.rounds[round - 1].count, wins: wins, draws: draws, technicalLosses: technical)),
                conversationID: conversation)
            events?.publish(LeagueEvent(kind: .standingsChanged, leagueID: league.id, round: round, standings: league.standings.rows()))
            for identity in audience(of: league) {
                send(encoded: standings, type: .leagueStandingsUpdate, to: identity)
                send(encoded: completed, type: .roundCompleted, to: identity)
            }
            logger.info("round completed", metadata: ["league": "\(league.id)", "round": "\(round)/\(league.rounds.count)"])
        }
    }

    /// Sends LEAGUE_COMPLETED to the league's players, every referee and the watchers.
    private func finish(_ leagueIdx: Int) {
        leagues[leagueIdx].status = .completed
        let league = leagues[leagueIdx]
        let rows = league.standings.rows()
        let champion = rows.first.map { LeagueCompleted.Champion(playerID: $0.playerID, displayName: $0.displayName, points: $0.points) }
        let body = encode(
            LeagueCompleted(
                leagueID: league.id, totalRounds: league.rounds.count, totalMatches: league.matches.count, champion: champion,
                finalStandings: rows),
            conversationID: "conv-\(league.id)-end")
        var recipients = audience(of: league)
        for id in registry.refereeOrder { if let referee = registry[id], !referee.identity.isEmpty { recipients.append(referee.identity) } }
        for identity in recipients { send(encoded: body, type: .leagueCompleted, to: identity) }
        for player in league.players { registry[player]?.leagueID = nil }
        stats.leaguesCompleted += 1
        events?.publish(LeagueEvent(kind: .leagueCompleted, leagueID: league.id, winner: champion?.playerID, standings: rows))
        logger.info("league completed", metadata: ["league": "\(league.id)", "champion": "\(champion?.playerID ?? "-")"])
    }
}
