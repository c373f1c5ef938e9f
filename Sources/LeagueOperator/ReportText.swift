import LeagueProtocol

/// A league report as terminal text: the summary line, the table and, for a knockout, the bracket. What
/// `league start --wait`, `league demo` and `league standings` print.
public enum ReportText {
    /// The summary, the table and, for a knockout league, the bracket after it.
    public static func summary(_ report: LeagueReport) -> String {
        let technical = report.matches.filter { $0.result == .technicalLoss }.count
        let draws = report.matches.filter { $0.result == .draw }.count
        var lines = [
            "\(report.leagueID) \(report.status.rawValue): \(report.matchesCompleted)/\(report.matchesTotal) matches in "
                + "\(report.roundsTotal) rounds (\(draws) draws, \(technical) technical losses)\(report.seed.map { ", seed \($0)" } ?? "")",
            header(report),
        ]
        if report.status == .waiting, let reason = report.waitingReason { lines.append("waiting: \(reason)") }
        lines += ["", table(report.standings)]
        if let bracket = KnockoutBracket(report) { lines += ["", self.bracket(bracket)] }
        return lines.joined(separator: "\n")
    }

    /// `game rps · format knockout · 8 players`.
    public static func header(_ report: LeagueReport) -> String {
        let format = report.format ?? .roundRobin
        let rounds = format == .swiss ? " (\(report.roundsTotal) rounds)" : ""
        return "game \(report.gameType) · format \(format.rawValue)\(rounds) · \(report.playerCount) players"
    }

    /// The standings as an aligned table; a Byes column only when a row has byes.
    public static func table(_ standings: [LeagueReport.Standing]) -> String {
        let withByes = standings.contains { ($0.byes ?? 0) > 0 }
        var header = ["Rank", "Player", "Name", "Played", "W", "D", "L", "Pts"]
        if withByes { header.insert("Byes", at: 7) }
        let rows = standings.map { row in
            var cells = [
                "\(row.rank)", row.playerID, row.name, "\(row.played)", "\(row.wins)", "\(row.draws)", "\(row.losses)", "\(row.points)",
            ]
            if withByes { cells.insert("\(row.byes ?? 0)", at: 7) }
            return cells
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return column == 1 || column == 2 ? cell + pad : pad + cell  // text left, numbers right
            }.joined(separator: "  ")
        }
        return ([line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")] + rows.map(line))
            .joined(separator: "\n")
    }

    /// The bracket as a list per round, then the champion:
    ///
    ///     Round 1 of 3
    ///       ann beat bob (WIN)
    ///       cy vs dee: draw, cy advances (higher seed)
    ///       bye: eve
    ///     Round 2 of 3
    ///       ann vs cy: running
    ///     Round 3 of 3: not drawn yet
    ///     Champion: not decided yet
    public static func bracket(_ bracket: KnockoutBracket) -> String {
        var lines: [String] = []
        let total = bracket.rounds.count
        for round in bracket.rounds {
            guard round.drawn else {
                lines.append("Round \(round.round) of \(total): not drawn yet")
                continue
            }
            lines.append("Round \(round.round) of \(total)")
            lines += round.matches.map { "  " + match($0) }
            if !round.byes.isEmpty { lines.append("  bye: " + round.byes.map(\.name).joined(separator: ", ")) }
        }
        lines.append("Champion: \(bracket.champion?.name ?? "not decided yet")")
        return lines.joined(separator: "\n")
    }

    /// `ann beat bob (WIN)`, `cy vs dee: draw, cy advances (higher seed)`, `eve vs fay: running`.
    public static func match(_ match: KnockoutBracket.Match) -> String {
        let pair = "\(match.playerA.name) vs \(match.playerB.name)"
        guard match.status == .finished, let through = match.advancing else { return "\(pair): \(match.status.rawValue)" }
        if match.decidedBy == .result {
            let loser = through == match.playerA ? match.playerB : match.playerA
            return "\(through.name) beat \(loser.name) (\(match.result?.rawValue ?? "WIN"))"
        }
        let outcome = match.result == .draw ? "draw" : "both lost (\(match.result?.rawValue ?? "no result"))"
        let why = match.decidedBy == .higherSeed ? " (higher seed)" : ""
        return "\(pair): \(outcome), \(through.name) advances\(why)"
    }
}
