import Foundation
import LeagueProtocol

/// Terminal and JSON output shared by the commands.
enum Output {
    /// The report as one JSON object on stdout.
    static func printJSON(_ report: LeagueReport) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(report)
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }

    /// The standings as an aligned table.
    static func table(_ standings: [LeagueReport.Standing]) -> String {
        let header = ["Rank", "Player", "Name", "Played", "W", "D", "L", "Pts"]
        let rows = standings.map { row in
            ["\(row.rank)", row.playerID, row.name, "\(row.played)", "\(row.wins)", "\(row.draws)", "\(row.losses)", "\(row.points)"]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return column == 2 || column == 1 ? cell + pad : pad + cell  // text left, numbers right
            }.joined(separator: "  ")
        }
        return ([line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")] + rows.map(line))
            .joined(separator: "\n")
    }

    /// A summary line and the final table.
    static func summary(_ report: LeagueReport) -> String {
        let technical = report.matches.filter { $0.result == .technicalLoss }.count
        let draws = report.matches.filter { $0.result == .draw }.count
        return """
            \(report.leagueID) \(report.status.rawValue): \(report.matchesCompleted)/\(report.matchesTotal) matches in \(report.roundsTotal) rounds \
            (\(draws) draws, \(technical) technical losses)\(report.seed.map { ", seed \($0)" } ?? "")

            \(table(report.standings))
            """
    }
}

extension Output {
    /// A transcript as aligned lines: time in ms since the lease began, type, sender → recipient.
    static func transcript(_ transcript: MatchTranscript) -> String {
        var lines = [
            "\(transcript.leagueID) \(transcript.matchID) (round \(transcript.round)): \(transcript.playerA) vs \(transcript.playerB), lease \(transcript.leaseID), referee \(transcript.refereeID ?? "-")"
        ]
        for entry in transcript.entries {
            let ms = String(format: "%9.3f ms", Double(entry.offsetMicroseconds) / 1000)
            lines.append("\(ms)  \(entry.type.padding(toLength: 24, withPad: " ", startingAt: 0)) \(entry.from) → \(entry.to)")
        }
        if let result = transcript.result {
            let number = result.details.drawnNumber.map { ", drew \($0)" } ?? ""
            lines.append("result: \(result.details.status.rawValue), winner \(result.winner ?? "none")\(number): \(result.details.reason)")
        } else {
            lines.append("result: not decided yet")
        }
        return lines.joined(separator: "\n")
    }
}

/// Progress on stderr: one line rewritten in place on a terminal, a line per round otherwise.
struct ProgressLine: Sendable {
    private let interactive = isatty(STDERR_FILENO) == 1

    func round(_ round: RoundCompleted) {
        let text = "\(round.leagueID): round \(round.roundID)/\(round.totalRounds) completed"
        if interactive {
            FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
            if round.nextRoundID == nil { FileHandle.standardError.write(Data("\n".utf8)) }
        } else {
            FileHandle.standardError.write(Data("\(text)\n".utf8))
        }
    }

    func note(_ text: String) {
        FileHandle.standardError.write(Data("\(text)\n".utf8))
    }
}
