import Foundation
import LeagueTestSupport
import Testing

/// Bad requests to a live manager get JSON errors with the right status and a stable code.
@Suite("HTTP errors", .timeLimit(.minutes(2)))
struct HTTPErrorTests {
    /// Checks one answer: the status, a JSON error body repeating it, and the code.
    static func expectError(_ answer: HTTPAnswer, _ status: Int, _ code: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(answer.status == status, "\(answer.text)", sourceLocation: sourceLocation)
        #expect(answer.header("Content-Type")?.hasPrefix("application/json") == true, sourceLocation: sourceLocation)
        #expect(answer.error?["status"] as? Int == status, sourceLocation: sourceLocation)
        #expect(answer.error?["code"] as? String == code, "\(answer.text)", sourceLocation: sourceLocation)
        #expect((answer.error?["message"] as? String)?.isEmpty == false, sourceLocation: sourceLocation)
    }

    @Test("unknown ids, malformed bodies, bad values, wrong methods and bad queries")
    func badRequests() async throws {
        try await withLiveCluster { _, http in
            Self.expectError(try await http.get("/api/leagues/league-9"), 404, "league_not_found")
            Self.expectError(try await http.get("/api/leagues/league-9/standings"), 404, "league_not_found")
            Self.expectError(try await http.get("/api/leagues/league-9/matches"), 404, "league_not_found")
            Self.expectError(try await http.get("/api/matches/R1M1"), 404, "match_not_found")
            Self.expectError(try await http.get("/api/matches/R1M1?league=league-9"), 404, "league_not_found")
            Self.expectError(try await http.get("/no/such/path"), 404, "not_found")
            Self.expectError(try await http.get("/assets/nothing.js"), 404, "not_found")

            Self.expectError(try await http.post("/api/leagues", json: "{"), 400, "invalid_body")
            Self.expectError(try await http.post("/api/leagues", json: "[4]"), 400, "invalid_body")
            Self.expectError(try await http.post("/api/leagues", json: "{}"), 400, "invalid_body")
            Self.expectError(try await http.post("/api/leagues", json: #"{"players": "four"}"#), 400, "invalid_body")
            Self.expectError(try await http.post("/api/leagues", json: #"{"players": 4, "options": 7}"#), 400, "invalid_body")
            Self.expectError(try await http.post("/api/leagues", json: #"{"players": 1}"#), 422, "invalid_field")
            Self.expectError(try await http.post("/api/leagues", json: #"{"players": 20000}"#), 422, "invalid_field")
            Self.expectError(try await http.post("/api/leagues", json: #"{"players": 4, "game": "chess"}"#), 422, "invalid_field")
            Self.expectError(try await http.post("/api/leagues", json: #"{"players": 4, "colour": "red"}"#), 422, "invalid_field")
            Self.expectError(try await http.post("/api/leagues", json: #"{"players": 4, "options": {"speed": 2}}"#), 422, "invalid_field")
            Self.expectError(
                try await http.post("/api/leagues", json: #"{"players": 4}"#, contentType: "text/plain"), 415, "unsupported_media_type")
            let large = #"{"players": 4, "game": ""# + String(repeating: "x", count: 20_000) + #""}"#
            Self.expectError(try await http.post("/api/leagues", json: large), 413, "body_too_large")

            let delete = try await http.send("DELETE", "/api/leagues")
            Self.expectError(delete, 405, "method_not_allowed")
            #expect(delete.header("Allow") == "GET, POST")
            Self.expectError(try await http.send("PUT", "/health"), 405, "method_not_allowed")
            Self.expectError(
                try await http.send("POST", "/api/leagues/league-1/standings", body: Data("{}".utf8)), 405, "method_not_allowed")

            // A valid league with nobody to play waits; then the query checks of its matches.
            let created = try await http.post("/api/leagues", json: #"{"players": 3}"#)
            #expect(created.status == 201)
            #expect(created.object?["status"] as? String == "waiting")
            let id = try #require(created.object?["league_id"] as? String)
            _ = try await poll(http, "/api/leagues/\(id)") { $0["status"] as? String == "waiting" }
            Self.expectError(try await http.get("/api/leagues/\(id)/matches?status=playing"), 400, "invalid_query")
            Self.expectError(try await http.get("/api/leagues/\(id)/matches?round=0"), 400, "invalid_query")
            Self.expectError(try await http.get("/api/leagues/\(id)/matches?round=two"), 400, "invalid_query")
            #expect(try await http.get("/api/leagues/\(id)/matches?status=pending").status == 200)
            let summary = try #require(try await http.get("/metrics").object)
            #expect(summary["waiting_leagues"] as? Int == 1 && summary["active_leagues"] as? Int == 1)
        }
    }
}
