import LeagueProtocol
import LeagueRuntime
import LeagueTestSupport
import Testing
import ZeroMQ

/// Leagues of every game in every format, in one process over real sockets.
@Suite("Games and formats", .timeLimit(.minutes(2)))
struct GameFormatLeagueTests {
    @Test(
        "each game and format completes with the schedule its format promises and consistent standings",
        arguments: [
            ("rps", LeagueFormat.knockout, 5, nil as Int?), ("connect_four", .swiss, 7, 3), ("rps", .doubleRoundRobin, 4, nil),
            ("connect_four", .gauntlet, 4, nil), ("even_odd", .swiss, 6, 3), ("even_odd", .knockout, 8, nil),
        ])
    func completes(game: String, format: LeagueFormat, players: Int, rounds: Int?) async throws {
        let options = LocalLeagueOptions(
            players: players, referees: 2, seed: 21, game: GameType(game), format: format, rounds: rounds,
            gameOptions: game == "rps" ? ["best_of": 5] : [:])
        let league = try await LocalLeague.launch(options, context: Context(), logger: quietLogger)
        let completed = Mailbox<Int>()
        let report = try await league.play { completed.put($0.roundID) }
        await league.shutdown()
        #expect(report.gameType == game)
        #expect(report.format == format)
        #expect(ReportCheck.problems(report) == [])
        #expect(completed.drain() == Array(1...report.roundsTotal), "ROUND_COMPLETED once per round, in order")
        #expect(report.matches.allSatisfy { $0.result != .technicalLoss })
        #expect(league.managerStats.snapshot.totalErrors == 0)
        switch format {
        case .knockout: #expect(report.matches.count == players - 1)
        case .gauntlet: #expect(report.matches.count == players - 1)
        case .swiss: #expect(report.standings.compactMap(\.byes).reduce(0, +) == (players % 2 == 1 ? rounds ?? 0 : 0))
        default: break
        }
    }
}
