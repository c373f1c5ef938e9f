import Foundation
import LeagueOperator
import LeagueProtocol
import LeagueTestSupport
import Testing

/// docs/openapi.yaml against a running manager that has played a league (Tools/openapi_check.py).
@Suite("OpenAPI document", .timeLimit(.minutes(3)))
struct OpenAPITests {
    @Test("every documented path, status and schema matches the running server")
    func documentMatchesServer() async throws {
        try await withLiveCluster { cluster, http in
            try cluster.startAgents(referees: 1, players: ["ann", "bob"], seed: 3)
            _ = try await poll(http, "/metrics") { $0["connected_players"] as? Int == 2 && $0["connected_referees"] as? Int == 1 }
            let created = try await http.post("/api/leagues", json: #"{"players": 2, "options": {"seed": 5}}"#)
            let leagueID = try #require(created.object?["league_id"] as? String)
            _ = try await poll(http, "/api/leagues/\(leagueID)") { $0["status"] as? String == "completed" }
            let samples = try Self.bracketSamples()
            defer { for sample in samples { try? FileManager.default.removeItem(at: sample) } }
            let run = try await ToolRun.run(
                "python3",
                [
                    ToolRun.tools.appendingPathComponent("openapi_check.py").path, "docs/openapi.yaml", http.base.absoluteString, leagueID,
                    "R1M1",
                ] + samples.flatMap { ["--sample", "/api/leagues/{id}/bracket", "get", "200", $0.path] }, within: 120)
            #expect(run.status == 0, "openapi_check.py: \(run.stdout) \(run.stderr)")
            let summary = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
            #expect((summary?["failures"] as? [String]) == [])
            #expect((summary?["operations"] as? Int ?? 0) >= 14)
            #expect(summary?["samples"] as? Int == samples.count)
        }
    }

    @Test("every route the server has is in the document")
    func routesDocumented() throws {
        let spec = try String(contentsOf: ToolRun.repositoryRoot.appendingPathComponent("docs/openapi.yaml"), encoding: .utf8)
        for route in ServedRoutes.all {
            #expect(spec.contains("\n  \(route.path):\n"), "\(route.path) is not in docs/openapi.yaml")
            for method in route.methods {
                #expect(
                    spec.contains("\n  \(route.path):\n")
                        && Self.section(of: route.path, in: spec).contains("\n    \(method.lowercased()):\n"), "\(method) \(route.path)")
            }
        }
    }

    /// Bracket bodies as `GET /api/leagues/{id}/bracket` answers them (a finished knockout and one under
    /// way), written to temporary files: the test manager plays round robin only, so the script checks
    /// these against the documented schema instead.
    static func bracketSamples() throws -> [URL] {
        let F = ReportFixtures.self
        let running = F.report(
            [F.finished("R1M1", "ann", "bob", winner: nil), F.unfinished("R1M2", "cy", "dee", status: .running)],
            standings: [F.standing(1, "ann"), F.standing(2, "bob"), F.standing(3, "cy"), F.standing(4, "dee"), F.standing(5, "eve")],
            roundsTotal: 3, matchesTotal: 4, status: .running)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try [F.fivePlayerKnockout, running].enumerated().map { index, report in
            let bracket = try #require(KnockoutBracket(report))
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("bracket-sample-\(getpid())-\(index).json")
            try encoder.encode(bracket).write(to: url)
            return url
        }
    }

    /// The YAML block of `path` under `paths:`.
    static func section(of path: String, in spec: String) -> String {
        guard let start = spec.range(of: "\n  \(path):\n") else { return "" }
        let rest = spec[start.upperBound...]
        let end = rest.range(of: #"\n  [/a-z]"#, options: .regularExpression)?.lowerBound ?? rest.endIndex
        return "\n" + String(rest[..<end])
    }
}
