import LeagueProtocol

/// Checks a finished league report for internal consistency: the schedule its format promises (a round
/// robin: every pair once; a double round robin: every ordered pair once; any format: nobody twice in a
/// round, as many matches as announced), and standings that follow from the matches under 3/1/0 scoring
/// (a Swiss bye 3). Even/Odd results must show a drawn number 1…10.
public enum ReportCheck {
    /// Everything wrong with `report`; empty when it is consistent.
    public static func problems(_ report: LeagueReport) -> [String] {
        var problems: [String] = []
        let ids = report.standings.map(\.playerID)
        let n = ids.count
        let format = report.format ?? .roundRobin
        if report.status != .completed { problems.append("status is \(report.status)") }
        switch format {
        case .roundRobin where report.matches.count != n * (n - 1) / 2,
            .doubleRoundRobin where report.matches.count != n * (n - 1):
            problems.append("\(report.matches.count) matches for \(n) players")
        default:
            if report.matches.count != report.matchesTotal {
                problems.append("\(report.matches.count) matches, \(report.matchesTotal) announced")
            }
        }
        var pairs = Set<Set<String>>()
        var orderedPairs = Set<[String]>()
        var busy = Set<String>()
        for match in report.matches {
            switch format {
            case .roundRobin:
                if !pairs.insert([match.playerA, match.playerB]).inserted {
                    problems.append("pair \(match.playerA)-\(match.playerB) twice")
                }
            case .doubleRoundRobin:
                if !orderedPairs.insert([match.playerA, match.playerB]).inserted {
                    problems.append("ordered pair \(match.playerA)-\(match.playerB) twice")
                }
            case .swiss, .knockout, .gauntlet:
                if !pairs.insert([match.playerA, match.playerB]).inserted { problems.append("rematch \(match.playerA)-\(match.playerB)") }
            }
            for player in [match.playerA, match.playerB] where !busy.insert("\(match.round)/\(player)").inserted {
                problems.append("\(player) twice in round \(match.round)")
            }
            if match.status != "finished" { problems.append("\(match.matchID) is \(match.status)") }
        }
        var expected: [String: (played: Int, wins: Int, draws: Int, losses: Int)] = [:]
        for id in ids { expected[id] = (0, 0, 0, 0) }
        for match in report.matches {
            for player in [match.playerA, match.playerB] { expected[player]?.played += 1 }
            switch (match.result, match.winner) {
            case (.draw?, _):
                expected[match.playerA]?.draws += 1
                expected[match.playerB]?.draws += 1
            case (_, let winner?):
                expected[winner]?.wins += 1
                expected[winner == match.playerA ? match.playerB : match.playerA]?.losses += 1
            case (.technicalLoss?, nil):
                expected[match.playerA]?.losses += 1
                expected[match.playerB]?.losses += 1
            default:
                problems.append("\(match.matchID) has no result")
            }
            if report.gameType == GameType.evenOdd.rawValue, match.result == .win || match.result == .draw {
                guard let number = match.drawnNumber, (1...10).contains(number) else {
                    problems.append("\(match.matchID) drew \(String(describing: match.drawnNumber))")
                    continue
                }
            }
        }
        for row in report.standings {
            guard let want = expected[row.playerID] else { continue }
            let byes = row.byes ?? 0
            if (row.played, row.wins, row.draws, row.losses) != want || row.points != want.wins * 3 + want.draws + byes * 3 {
                problems.append("\(row.playerID) row \(row) does not match its matches \(want)")
            }
        }
        // Knockout ranks by the round reached, not by points.
        let ordered = report.standings.map { ($0.points, $0.wins, $0.draws) }
        for (a, b) in zip(ordered, ordered.dropFirst()) where a < b && format != .knockout {
            problems.append("standings out of order: \(a) before \(b)")
        }
        if report.standings.map(\.rank) != Array(1...max(n, 1)).prefix(n).map({ $0 }) { problems.append("ranks are not 1…\(n)") }
        return problems
    }
}
