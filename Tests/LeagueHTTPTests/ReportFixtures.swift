import LeagueProtocol

/// League reports built by hand, as a manager would send them.
enum ReportFixtures {
    /// Display names to ids, deliberately not in name order, so that seeding by name is seen.
    static let ids = ["ann": "P04", "bob": "P02", "cy": "P05", "dee": "P01", "eve": "P03", "fay": "P06"]

    static func standing(_ rank: Int, _ name: String, played: Int = 0, wins: Int = 0, draws: Int = 0, losses: Int = 0, byes: Int? = nil)
        -> LeagueReport.Standing
    {
        LeagueReport.Standing(
            StandingRow(
                rank: rank, playerID: ids[name] ?? name, displayName: name, played: played, wins: wins, draws: draws, losses: losses,
                points: 3 * wins + draws + 3 * (byes ?? 0), byes: byes))
    }

    /// A finished match: `winner` a name, or nil for a draw (`result` DRAW) or both losing technically.
    static func finished(_ id: String, _ a: String, _ b: String, winner: String?, result: GameResultStatus = .win) -> LeagueReport.Match {
        LeagueReport.Match(
            matchID: id, round: round(of: id), playerA: ids[a] ?? a, playerB: ids[b] ?? b, status: .finished, refereeID: "REF01",
            result: winner == nil && result == .win ? .draw : result, winner: winner.map { ids[$0] ?? $0 }, drawnNumber: nil, choices: nil,
            seed: 1, reason: "fixture")
    }

    static func unfinished(_ id: String, _ a: String, _ b: String, status: MatchStatus) -> LeagueReport.Match {
        LeagueReport.Match(
            matchID: id, round: round(of: id), playerA: ids[a] ?? a, playerB: ids[b] ?? b, status: status,
            refereeID: status == .running ? "REF01" : nil, result: nil, winner: nil, drawnNumber: nil, choices: nil, seed: nil, reason: nil)
    }

    /// `R2M1` → 2.
    static func round(of matchID: String) -> Int {
        Int(matchID.dropFirst().prefix { $0.isNumber }) ?? 0
    }

    static func report(
        _ matches: [LeagueReport.Match], standings: [LeagueReport.Standing], format: LeagueFormat? = .knockout, roundsTotal: Int,
        matchesTotal: Int? = nil, status: LeagueReport.Status = .completed, game: String = "rps", waitingReason: String? = nil
    ) -> LeagueReport {
        let finished = matches.filter { $0.status == .finished }.count
        let rounds = Set(matches.map(\.round)).filter { round in matches.allSatisfy { $0.round != round || $0.status == .finished } }
        return LeagueReport(
            leagueID: "league-1", status: status, gameType: game, seed: status == .completed ? 42 : nil, playerCount: standings.count,
            roundsTotal: roundsTotal, roundsCompleted: rounds.count, matchesTotal: matchesTotal ?? matches.count,
            matchesCompleted: finished,
            matches: matches, standings: standings, format: format, waitingReason: waitingReason)
    }

    /// Five players, three rounds: ann beats bob, cy and dee draw (cy goes through as the higher seed), eve
    /// has a bye; then ann beats eve technically with cy on a bye; the final between ann and cy is drawn and
    /// ann, the higher seed, is champion.
    static let fivePlayerKnockout = report(
        [
            finished("R1M1", "ann", "bob", winner: "ann"), finished("R1M2", "cy", "dee", winner: nil),
            finished("R2M1", "eve", "ann", winner: "ann", result: .technicalLoss), finished("R3M1", "cy", "ann", winner: nil),
        ],
        standings: [
            standing(1, "ann", played: 3, wins: 2, draws: 1), standing(2, "cy", played: 2, draws: 2),
            standing(3, "eve", played: 1, losses: 1),
            standing(4, "bob", played: 1, losses: 1), standing(5, "dee", played: 1, draws: 1),
        ], roundsTotal: 3)
}
