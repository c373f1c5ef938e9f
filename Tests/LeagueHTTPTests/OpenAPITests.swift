import Foundation
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
            let run = try await ToolRun.run(
                "python3",
                [
                    ToolRun.tools.appendingPathComponent("openapi_check.py").path, "docs/openapi.yaml", http.base.absoluteString, leagueID,
                    "R1M1",
                ], within: 120)
            #expect(run.status == 0, "openapi_check.py: \(run.stdout) \(run.stderr)")
            let summary = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
            #expect((summary?["failures"] as? [String]) == [])
            #expect((summary?["operations"] as? Int ?? 0) >= 13)
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

    /// The YAML block of `path` under `paths:`.
    static func section(of path: String, in spec: String) -> String {
        guard let start = spec.range(of: "\n  \(path):\n") else { return "" }
        let rest = spec[start.upperBound...]
        let end = rest.range(of: #"\n  [/a-z]"#, options: .regularExpression)?.lowerBound ?? rest.endIndex
        return "\n" + String(rest[..<end])
    }
}
