import Foundation
import LeagueOperator
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

    /// The summary line, the game and format, the table and, for a knockout, the bracket.
    static func summary(_ report: LeagueReport) -> String { ReportText.summary(report) }
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
