import Foundation
import Synchronization

/// How `league bench` prints its reports.
public enum BenchOutput {
    /// The encoder behind `--json`: snake_case keys, sorted, pretty.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The decoder that reads `--json` back.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }

    /// `value` as one JSON object on stdout.
    public static func printJSON(_ value: some Encodable) throws {
        FileHandle.standardOutput.write(try encoder().encode(value) + Data("\n".utf8))
    }

    /// A league run as a table.
    public static func table(_ report: BenchReport) -> String {
        let scenario = report.scenario
        let agents =
            "\(scenario.leagues) league(s) × \(scenario.players) players, \(scenario.referees) referees × \(scenario.refereeCapacity)"
        let layout =
            "\(scenario.concurrentLeagues) at once, \(scenario.transport.rawValue), \(scenario.roles.rawValue), seed \(scenario.seed)"
        let machine = report.machine
        let loads = "\(loadText(machine.loadAtStart)) → \(loadText(machine.loadAtEnd))"
        var lines: [String] = [
            "scenario: \(agents), \(layout)",
            "machine: \(machine.cores) cores, load \(loads), libzmq \(machine.libzmq)",
            "",
        ]
        var rows = [["run", "matches", "lost", "wall s", "matches/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "msgs/s", "league p50 ms"]]
        func row(_ name: String, _ t: Throughput) -> [String] {
            [
                name, "\(t.matches)", "\(t.lostMatches)", fixed(t.wallSeconds, 3), fixed(t.matchesPerSecond, 0),
                fixed(t.matchLatencyMs.p50, 3),
                fixed(t.matchLatencyMs.p90, 3), fixed(t.matchLatencyMs.p99, 3), fixed(t.matchLatencyMs.max, 3),
                t.managerMessagesPerSecond.map { fixed($0, 0) } ?? "-", t.leagueMs.map { fixed($0.p50, 1) } ?? "-",
            ]
        }
        rows.append(row("league", report.league))
        if let raw = report.rawRelay { rows.append(row("raw relay", raw)) }
        lines.append(align(rows))
        if let ratio = report.leagueToRawRatio { lines.append("league / raw relay: \(fixed(ratio * 100, 1)) %") }
        lines.append("")
        var usage = [["role", "count", "cpu s", "peak rss MiB", "private rss MiB"]]
        for role in report.roles {
            usage.append([
                role.role, "\(role.count)", fixed(role.cpuSeconds, 3), role.peakRssMegabytes.map { fixed($0, 1) } ?? "-",
                role.anonymousRssMegabytes.map { fixed($0, 1) } ?? "-",
            ])
        }
        lines.append(align(usage))
        return lines.joined(separator: "\n")
    }

    /// An idle run as a few lines.
    public static func table(_ report: IdleReport) -> String {
        """
        idle: \(report.registered)/\(report.players) players registered in \(fixed(report.registrationSeconds, 2)) s over \(report.transport.rawValue); \(report.heartbeats)
        manager: \(fixed(report.managerCpuPercent, 1)) % of one core over \(fixed(report.seconds, 1)) s, RSS \(fixed(report.managerRssMegabytes, 1)) MiB (peak \(fixed(report.managerPeakRssMegabytes, 1)), private \(fixed(report.managerAnonymousRssMegabytes, 1)))
        players' process: \(fixed(report.playersCpuPercent, 1)) % of one core, RSS \(fixed(report.playersProcessRssMegabytes, 1)) MiB
        machine: \(report.machine.cores) cores, load \(loadText(report.machine.loadAtStart)) → \(loadText(report.machine.loadAtEnd))
        """
    }

    static func loadText(_ loads: [Double]) -> String { loads.map { String($0) }.joined(separator: " ") }

    static func fixed(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }

    static func align(_ rows: [[String]]) -> String {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { cells in
            cells.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
