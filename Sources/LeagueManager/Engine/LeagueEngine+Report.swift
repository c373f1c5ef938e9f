import LeagueProtocol
import LeagueStore

extension LeagueEngine {
    /// The league as operators see it. Seeds are shown only once they can no longer help anyone: a match's
    /// seed after it finished, the league's seed after the league completed.
    func report(waitingReason: String? = nil) -> LeagueReport {
        LeagueReport(
            leagueID: id.rawValue, status: status, gameType: spec.game.rawValue, seed: status == .completed ? spec.seed : nil,
            playerCount: players.count, roundsTotal: players.isEmpty ? 0 : max(totalRounds, rounds.count), roundsCompleted: completed,
            matchesTotal: players.isEmpty ? 0 : max(totalMatches, matches.count), matchesCompleted: finishedMatches,
            matches: matches.map { match in
                LeagueReport.Match(
                    matchID: match.id.rawValue, round: match.round, playerA: match.playerA.rawValue, playerB: match.playerB.rawValue,
                    status: match.status.reported, refereeID: match.status.referee?.rawValue, result: match.result, seed: match.seed)
            },
            standings: standings.rows().map(LeagueReport.Standing.init), format: spec.format,
            waitingReason: status == .waiting ? waitingReason : nil)
    }

    /// The transcript of a match in progress (finished ones come from the store).
    func liveTranscript(_ index: Int) -> MatchTranscript {
        let match = matches[index]
        return MatchTranscript(
            leagueID: id.rawValue, matchID: match.id.rawValue, round: match.round, playerA: match.playerA.rawValue,
            playerB: match.playerB.rawValue, leaseID: match.lease, refereeID: match.status.referee?.rawValue,
            seed: match.status == .finished ? match.seed : nil, result: match.result, entries: match.transcript)
    }

    /// A match as the store keeps it.
    func stored(_ index: Int) -> StoredMatch {
        let match = matches[index]
        return StoredMatch(
            leagueID: id.rawValue, index: index, matchID: match.id.rawValue, round: match.round, playerA: match.playerA.rawValue,
            playerB: match.playerB.rawValue, seed: match.seed, leaseID: match.lease)
    }

    /// The league as the store keeps it.
    var storedLeague: StoredLeague {
        StoredLeague(
            id: id.rawValue, gameType: spec.game.rawValue, seed: spec.seed, requestedPlayers: spec.requestedPlayers, status: status,
            players: players.map(\.rawValue), format: spec.format, rounds: spec.rounds, gauntletPlayer: spec.gauntletPlayer,
            gameOptions: spec.gameOptions)
    }

    /// The matches from `first` on, to store.
    func storedMatches(from first: Int) -> [StoredMatch] { (first..<matches.count).map(stored) }
}
