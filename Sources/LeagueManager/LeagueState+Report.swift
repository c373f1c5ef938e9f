import LeagueProtocol

extension LeagueState {
    /// The league as operators see it. Seeds are shown only once they can no longer help anyone: a match's
    /// seed after it finished, the league's seed after the league completed.
    func report() -> LeagueReport {
        LeagueReport(
            leagueID: id, status: status, gameType: gameType, seed: status == .completed ? seed : nil,
            playerCount: players.count, roundsTotal: rounds.count, roundsCompleted: completed, matchesTotal: matches.count,
            matchesCompleted: finishedMatches,
            matches: matches.map { match in
                let referee: String? = if case .running(let referee) = match.status { referee } else { nil }
                return LeagueReport.Match(
                    matchID: match.id, round: match.round, playerA: match.playerA, playerB: match.playerB,
                    status: match.status == .pending ? "pending" : match.status == .finished ? "finished" : "running",
                    refereeID: referee, result: match.result?.details.status, winner: match.result?.winner,
                    drawnNumber: match.result?.details.drawnNumber, choices: match.result?.details.choices,
                    seed: match.status == .finished ? match.seed : nil, reason: match.result?.details.reason)
            },
            standings: standings.rows().map(LeagueReport.Standing.init))
    }

    /// The transcript of a match in progress (finished ones come from the store).
    func liveTranscript(_ index: Int) -> MatchTranscript {
        let match = matches[index]
        let referee: String? = if case .running(let referee) = match.status { referee } else { nil }
        return MatchTranscript(
            leagueID: id, matchID: match.id, round: match.round, playerA: match.playerA, playerB: match.playerB,
            leaseID: match.lease, refereeID: referee, seed: match.status == .finished ? match.seed : nil, result: match.result,
            entries: match.transcript)
    }
}
