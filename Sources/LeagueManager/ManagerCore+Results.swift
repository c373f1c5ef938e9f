import LeagueProtocol

extension ManagerCore {
    func recordResult(_ wire: WireMessage, from identity: [UInt8]) throws(ProtocolError) {
        let referee = try authenticate(wire, from: identity)
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
        switch match.status {
        case .finished:
            stats.duplicateResults += 1
            logger.warning("duplicate result", metadata: ["agent": "\(referee.id)", "match": "\(match.id)"])
            send(
                MatchResultAck(
                    leagueID: report.leagueID, matchID: report.matchID, status: .rejected,
                    reason: "duplicate: the result is already recorded"),
                to: identity, conversationID: conversation)
            return
        case .pending:
            throw ProtocolError(.resultRejected, "match \(match.id) is not leased to \(referee.id)")
        case .running(let holder) where holder != referee.id:
            throw ProtocolError(.resultRejected, "match \(match.id) is leased to another referee")
        case .running:
            break
        }
        let winner = try Self.validate(report.result, playerA: match.playerA, playerB: match.playerB)
        leagues[leagueIdx].matches[matchIdx].status = .finished
        leagues[leagueIdx].matches[matchIdx].result = report.result
        leagues[leagueIdx].standings.apply(a: match.playerA, b: match.playerB, status: report.result.details.status, winner: winner)
        leagues[leagueIdx].finishedMatches += 1
        leagues[leagueIdx].unfinishedInRound[match.round - 1] -= 1
        leagues[leagueIdx].played[match.playerA, default: 0] += 1
        leagues[leagueIdx].played[match.playerB, default: 0] += 1
        registry[match.playerA]?.activeMatch = nil
        registry[match.playerB]?.activeMatch = nil
        registry[referee.id]?.leased -= 1
        stats.matchesFinished += 1
        logger.debug(
            "match finished",
            metadata: [
                "league": "\(report.leagueID)", "match": "\(match.id)", "result": "\(report.result.details.status.rawValue)",
                "winner": "\(winner ?? "-")",
            ])
        send(
            MatchResultAck(leagueID: report.leagueID, matchID: report.matchID, status: .accepted), to: identity,
            conversationID: conversation)
        completeRounds(of: leagueIdx)
        if leagues[leagueIdx].isFinished { finish(leagueIdx) }
        startWaitingLeagues()
        dispatch()
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
        for id in registry.refereeOrder { if let referee = registry[id] { recipients.append(referee.identity) } }
        for identity in recipients { send(encoded: body, type: .leagueCompleted, to: identity) }
        for player in league.players { registry[player]?.leagueID = nil }
        stats.leaguesCompleted += 1
        logger.info("league completed", metadata: ["league": "\(league.id)", "champion": "\(champion?.playerID ?? "-")"])
    }

    /// The league's players and watchers.
    func audience(of league: LeagueState) -> [[UInt8]] {
        league.players.compactMap { registry[$0]?.identity } + league.watchers
    }
}
