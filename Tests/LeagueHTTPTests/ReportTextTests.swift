import LeagueOperator
import LeagueProtocol
import Testing

@Suite("Report text: summary, table, bracket")
struct ReportTextTests {
    typealias F = ReportFixtures

    @Test("the bracket as a list per round, then the champion")
    func bracketText() throws {
        let bracket = try #require(KnockoutBracket(F.fivePlayerKnockout))
        #expect(
            ReportText.bracket(bracket) == """
                Round 1 of 3
                  ann beat bob (WIN)
                  cy vs dee: draw, cy advances (higher seed)
                  bye: eve
                Round 2 of 3
                  ann beat eve (TECHNICAL_LOSS)
                  bye: cy
                Round 3 of 3
                  cy vs ann: draw, ann advances (higher seed)
                Champion: ann
                """)
    }

    @Test("unfinished matches, undrawn rounds, both lost, the schedule's choice")
    func bracketInProgress() throws {
        let report = F.report(
            [
                F.finished("R1M1", "ann", "bob", winner: nil, result: .technicalLoss), F.finished("R1M2", "cy", "dee", winner: nil),
                F.unfinished("R1M3", "eve", "fay", status: .running),
            ],
            standings: ["ann", "bob", "cy", "dee", "eve", "fay"].enumerated().map { F.standing($0 + 1, $1) }, roundsTotal: 3,
            matchesTotal: 5, status: .running)
        let text = ReportText.bracket(try #require(KnockoutBracket(report)))
        #expect(
            text == """
                Round 1 of 3
                  ann vs bob: both lost (TECHNICAL_LOSS), ann advances (higher seed)
                  cy vs dee: draw, cy advances (higher seed)
                  eve vs fay: running
                Round 2 of 3: not drawn yet
                Round 3 of 3: not drawn yet
                Champion: not decided yet
                """)
        let scheduled = F.report(
            [F.finished("R1M1", "ann", "bob", winner: nil), F.unfinished("R2M1", "bob", "cy", status: .pending)],
            standings: [F.standing(1, "ann"), F.standing(2, "bob"), F.standing(3, "cy")], roundsTotal: 2, matchesTotal: 2, status: .running)
        let lines = ReportText.bracket(try #require(KnockoutBracket(scheduled))).split(separator: "\n")
        #expect(lines[1] == "  ann vs bob: draw, bob advances")
        #expect(lines[2] == "  bye: cy")
        #expect(lines[4] == "  bob vs cy: pending")
    }

    @Test("the summary names game and format, keeps 'completed: N/M matches', and ends with a knockout's bracket")
    func knockoutSummary() throws {
        let text = ReportText.summary(F.fivePlayerKnockout)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "league-1 completed: 4/4 matches in 3 rounds (2 draws, 1 technical losses), seed 42")
        #expect(lines[1] == "game rps · format knockout · 5 players")
        #expect(lines[2] == "")
        #expect(lines[3].hasPrefix("Rank  Player  Name  Played"))
        #expect(text.hasSuffix(ReportText.bracket(try #require(KnockoutBracket(F.fivePlayerKnockout)))))
        #expect(text.contains("Pts\n----"))
    }

    @Test("a round robin has no bracket; a report without a format is a round robin")
    func roundRobinSummary() {
        let report = F.report(
            [F.finished("R1M1", "ann", "bob", winner: "ann")],
            standings: [F.standing(1, "ann", played: 1, wins: 1), F.standing(2, "bob", played: 1, losses: 1)], format: nil, roundsTotal: 1,
            game: "even_odd")
        let text = ReportText.summary(report)
        #expect(text.contains("game even_odd · format round_robin · 2 players"))
        #expect(!text.contains("Round 1"))
        #expect(!text.contains("Champion"))
    }

    @Test("Swiss: its rounds in the header, and a Byes column only when a row has byes")
    func swissTable() {
        let withByes = [
            F.standing(1, "ann", played: 2, wins: 2, byes: 1), F.standing(2, "bob", played: 3, wins: 1, draws: 1, losses: 1),
            F.standing(3, "cy", played: 3, losses: 3),
        ]
        let table = ReportText.table(withByes)
        #expect(
            table == """
                Rank  Player  Name  Played  W  D  L  Byes  Pts
                ----  ------  ----  ------  -  -  -  ----  ---
                   1  P04     ann        2  2  0  0     1    9
                   2  P02     bob        3  1  1  1     0    4
                   3  P05     cy         3  0  0  3     0    0
                """)
        let none = ReportText.table(
            withByes.map { row in
                var row = row
                row.byes = nil
                return row
            })
        #expect(!none.contains("Byes"))
        #expect(none.hasPrefix("Rank  Player  Name  Played  W  D  L  Pts\n"))
        let zero = ReportText.table(
            withByes.map { row in
                var row = row
                row.byes = 0
                return row
            })
        #expect(!zero.contains("Byes"), "zero byes everywhere: no column")
        let report = F.report([], standings: withByes, format: .swiss, roundsTotal: 5, status: .running, game: "connect_four")
        #expect(ReportText.header(report) == "game connect_four · format swiss (5 rounds) · 3 players")
    }

    @Test("a waiting league says why")
    func waiting() {
        let report = F.report(
            [], standings: [], format: .roundRobin, roundsTotal: 0, status: .waiting, game: "connect_four",
            waitingReason: "no referee plays connect_four")
        let lines = ReportText.summary(report).split(separator: "\n")
        #expect(lines[0] == "league-1 waiting: 0/0 matches in 0 rounds (0 draws, 0 technical losses)")
        #expect(lines[2] == "waiting: no referee plays connect_four")
    }
}
