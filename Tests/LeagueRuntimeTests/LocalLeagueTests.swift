import Foundation
import LeagueProtocol
import LeagueRuntime
import LeagueTestSupport
import Logging
import Testing
import ZeroMQ

let quietLogger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

/// Whole leagues in one process over real ZeroMQ transports.
@Suite("LocalLeague", .timeLimit(.minutes(2)))
struct LocalLeagueTests {
    @Test("a league completes with every pair once and consistent standings", arguments: [2, 4, 5, 8])
    func completes(players: Int) async throws {
        let league = try await LocalLeague.launch(
            LocalLeagueOptions(players: players, referees: 2, seed: 11), context: Context(), logger: quietLogger)
        let completed = Mailbox<Int>()
        let report = try await league.play { completed.put($0.roundID) }
        await league.shutdown()
        let rounds = completed.drain()
        #expect(ReportCheck.problems(report) == [])
        #expect(report.matchesTotal == players * (players - 1) / 2)
        #expect(rounds == Array(1...(players % 2 == 0 ? players - 1 : players)), "ROUND_COMPLETED arrives once per round, in order")
        #expect(league.managerStats.snapshot.totalErrors == 0)
    }

    @Test("the same seed plays the same league", arguments: [7 as UInt64])
    func deterministic(seed: UInt64) async throws {
        var reports: [LeagueReport] = []
        for _ in 0..<2 {
            let league = try await LocalLeague.launch(
                LocalLeagueOptions(players: 6, referees: 3, seed: seed), context: Context(), logger: quietLogger)
            reports.append(try await league.play())
            await league.shutdown()
        }
        // Player ids follow the order in which connections registered, which is up to the network; names,
        // schedule, choices, draws and results are not.
        #expect(Self.byName(reports[0]) == Self.byName(reports[1]))
        #expect(reports[0].seed == seed)
    }

    /// The report with every player id replaced by the player's name.
    static func byName(_ report: LeagueReport) -> LeagueReport {
        let names = Dictionary(uniqueKeysWithValues: report.standings.map { ($0.playerID, $0.name) })
        var copy = report
        copy.matches = report.matches.map { match in
            var match = match
            match.playerA = names[match.playerA] ?? match.playerA
            match.playerB = names[match.playerB] ?? match.playerB
            match.winner = match.winner.map { names[$0] ?? $0 }
            match.choices = match.choices.map { choices in
                Dictionary(uniqueKeysWithValues: choices.map { (names[$0.key] ?? $0.key, $0.value) })
            }
            return match
        }
        copy.standings = report.standings.map { row in
            var row = row
            row.playerID = row.name
            return row
        }
        return copy
    }

    @Test("the league runs over every transport", arguments: ["ipc://@agent-league-test-\(getpid())", "inproc://agent-league-test"])
    func transports(endpoint: String) async throws {
        let league = try await LocalLeague.launch(
            LocalLeagueOptions(players: 4, referees: 1, seed: 3, endpoint: endpoint), context: Context(), logger: quietLogger)
        let report = try await league.play()
        await league.shutdown()
        #expect(ReportCheck.problems(report) == [])
    }
}
