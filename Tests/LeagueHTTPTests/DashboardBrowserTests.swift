import Foundation
import LeagueOperator
import LeagueProtocol
import LeagueTestSupport
import Testing

/// The dashboard in a real headless Chromium (Tools/dashboard_browser.py drives it through the DevTools
/// protocol) while a real league runs: a league launched with the page's form, the standings table
/// filling and changing until the league completes, charts drawn, agents listed, screenshots kept; and
/// a knockout bracket (built by ``KnockoutBracket`` from a hand-made report) drawn by the page's own code.
@Suite("Dashboard in a browser", .timeLimit(.minutes(3)))
struct DashboardBrowserTests {
    /// Where the screenshots go: .build/test-artifacts/dashboard (not committed).
    static let artifacts = ToolRun.repositoryRoot.appendingPathComponent(".build/test-artifacts/dashboard")
    static let players = ["ann", "bob", "cy", "dee", "eve", "fay"]

    @Test("launch a league from the page and watch its standings fill and change")
    func dashboardFollowsALeague() async throws {
        #expect(ToolRun.exists("chromium"), "chromium is missing: Scripts/test-http installs it (Debian package chromium)")
        try await withLiveCluster { cluster, http in
            try cluster.startAgents(referees: 2, players: Self.players, thinkMilliseconds: 250, seed: 21)
            _ = try await poll(http, "/metrics") { $0["connected_players"] as? Int == 6 && $0["connected_referees"] as? Int == 2 }
            try? FileManager.default.removeItem(at: Self.artifacts)
            let bracket = try #require(KnockoutBracket(ReportFixtures.fivePlayerKnockout))
            let fixture = FileManager.default.temporaryDirectory.appendingPathComponent("bracket-fixture-\(getpid()).json")
            try JSONEncoder().encode(bracket).write(to: fixture)
            defer { try? FileManager.default.removeItem(at: fixture) }
            let run = try await ToolRun.run(
                "python3",
                [
                    ToolRun.tools.appendingPathComponent("dashboard_browser.py").path, "--url", http.base.absoluteString + "/", "--players",
                    "6",
                    "--seed", "17", "--out", Self.artifacts.path, "--timeout", "90", "--bracket-fixture", fixture.path,
                ], within: 150)
            #expect(run.status == 0, "\(run.stderr)")
            let result = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)")
            #expect(result["failure"] == nil, "\(result["failure"] ?? "") \(result["browser_stderr"] ?? "")")
            #expect((result["errors"] as? [Any])?.isEmpty == true, "JavaScript errors: \(result["errors"] ?? "")")

            // The table filled (six rows) and changed several times while the league ran.
            let snapshots = try #require(result["snapshots"] as? [[[String]]])
            let filled = snapshots.filter { $0.count == 6 }
            let totals = filled.map { table in table.reduce(0) { $0 + (Int($1[6]) ?? 0) } }
            #expect(filled.count >= 3, "the standings table should fill and change: \(snapshots)")
            #expect(Set(totals).count >= 3, "points should grow as matches finish: \(totals)")
            #expect(totals == totals.sorted(), "points never go back: \(totals)")
            #expect((result["statuses"] as? [String])?.last == "completed")

            // What the browser shows at the end is what the API says.
            let page = try #require(result["page"] as? [String: Any])
            let leagueID = try #require(page["league"] as? String)
            let api = try #require(try await http.get("/api/leagues/\(leagueID)/standings").object?["standings"] as? [[String: Any]])
            let final = try #require(result["final"] as? [[String]])
            #expect(final.map { $0[1] } == api.map { $0["name"] as? String ?? "" })
            #expect(final.map { Int($0[6]) } == api.map { $0["points"] as? Int })
            #expect(final.allSatisfy { $0[2] == "5" }, "everyone played five matches")

            // Charts drawn, agents listed and healthy, the event stream live.
            #expect((page["pointsChartInk"] as? Int ?? 0) > 1_000)
            #expect((page["latencyChartInk"] as? Int ?? 0) > 1_000)
            #expect((page["latency"] as? String)?.hasPrefix("15 matches") == true, "\(page["latency"] ?? "")")
            let agents = try #require(page["agents"] as? [[String: Any]])
            #expect(agents.count == 8 && agents.allSatisfy { $0["health"] as? String == "good" })
            #expect(page["live"] as? String == "live")
            #expect(page["listedStatus"] as? String == "completed" && page["inflight"] as? String == "0")
            #expect(page["activeMatches"] as? Int == 0)
            #expect((page["launch"] as? String)?.contains("created") == true)
            #expect(page["kind"] as? String == "Even/Odd · round robin")
            #expect(page["bracketShown"] as? Bool == false, "a round robin has no bracket")

            // The bracket as the page draws it: a column per round and one for the champion, the player who
            // went through highlighted, draws marked, byes listed.
            let drawn = try #require(result["bracket"] as? [String: Any])
            let columns = try #require(drawn["columns"] as? [[String: Any]])
            #expect(columns.compactMap { $0["title"] as? String } == ["Round 1", "Round 2", "Round 3", "Champion"])
            for (column, round) in zip(columns, bracket.rounds) {
                let matches = try #require(column["matches"] as? [[String: Any]])
                #expect(matches.compactMap { $0["id"] as? String } == round.matches.map(\.matchID))
                #expect(matches.map { $0["advances"] as? String } == round.matches.map { $0.advancing?.name })
                #expect(matches.map { $0["players"] as? [String] ?? [] } == round.matches.map { [$0.playerA.name, $0.playerB.name] })
                #expect((column["byes"] as? [String]) == round.byes.map(\.playerID))
            }
            let firstRound = try #require(columns.first?["matches"] as? [[String: Any]])
            #expect(firstRound.map { $0["note"] as? String } == [nil, "draw · higher seed through"])
            #expect(drawn["champion"] as? String == "ann")
            #expect(drawn["highlighted"] as? Bool == true, "the player who went through stands out")

            let shots = try #require(result["screenshots"] as? [String])
            #expect(shots.count == 3)
            for shot in shots {
                let data = try Data(contentsOf: URL(fileURLWithPath: shot))
                #expect(data.count > 10_000 && data.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(shot) is not a PNG")
            }
            print("dashboard screenshots: \(shots.joined(separator: ", "))")
        }
    }
}
