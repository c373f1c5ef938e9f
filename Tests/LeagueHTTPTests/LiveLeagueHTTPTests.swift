import Foundation
import LeagueProtocol
import LeagueTestSupport
import Testing

/// A real manager process with its HTTP server, real referee and player processes, a league started over
/// HTTP, and every read endpoint, the event stream and the Prometheus exposition checked against it.
@Suite("HTTP API on a live league", .serialized, .timeLimit(.minutes(4)))
struct LiveLeagueHTTPTests {
    static let players = ["ann", "bob", "cy", "dee"]

    @Test("REST endpoints, live events and Prometheus metrics follow a league as it runs")
    func followALeague() async throws {
        try await withLiveCluster { cluster, http in
            let events = EventStreamReader(url: http.base.appendingPathComponent("api/events"))
            defer { events.close() }
            #expect(await events.opened.take(within: 10) == 200)

            try cluster.startAgents(referees: 2, players: Self.players, thinkMilliseconds: 150, seed: 7)
            let agents = try await poll(http, "/api/agents") { object in
                ((object["agents"] as? [[String: Any]]) ?? []).filter { $0["connected"] as? Bool == true }.count == 6
            }
            let agentList = try #require(agents["agents"] as? [[String: Any]])
            #expect(agentList.filter { $0["role"] as? String == "referee" }.count == 2)
            #expect(
                agentList.allSatisfy {
                    ($0["last_heartbeat_age_ms"] as? Int ?? -1) >= 0 && ($0["last_heartbeat_age_ms"] as? Int ?? .max) < 3_000
                })

            // Start the league over HTTP.
            let created = try await http.post("/api/leagues", json: #"{"game": "even_odd", "players": 4, "options": {"seed": 11}}"#)
            #expect(created.status == 201)
            let leagueID = try #require(created.object?["league_id"] as? String)
            #expect(created.header("Location") == "/api/leagues/\(leagueID)")
            #expect(created.object?["seed"] as? Int == 11)

            // While it runs: it is listed as running, matches are in flight, the summary counts agents.
            _ = try await poll(http, "/api/leagues/\(leagueID)") { $0["status"] as? String == "running" }
            let listed = try await http.get("/api/leagues").object?["leagues"] as? [[String: Any]]
            #expect(listed?.contains { $0["league_id"] as? String == leagueID && $0["player_count"] as? Int == 4 } == true)
            _ = try await poll(http, "/api/leagues/\(leagueID)/matches?status=running") { object in
                !((object["matches"] as? [[String: Any]]) ?? []).isEmpty || (object["status"] as? String) == "completed"
            }
            let summary = try #require(try await http.get("/metrics").object)
            #expect(summary["connected_players"] as? Int == 4)
            #expect(summary["connected_referees"] as? Int == 2)
            #expect(summary["leagues_total"] as? Int == 1)

            // Follow the table until the league completes, counting the requests for the metrics check.
            var standingsRequests = 0
            var tables: [[String: Int]] = []
            let completed = try await eventually(within: 60) {
                let answer = try await http.get("/api/leagues/\(leagueID)/standings")
                standingsRequests += 1
                guard answer.status == 200, let object = answer.object, let rows = object["standings"] as? [[String: Any]] else {
                    return false
                }
                let table = Dictionary(
                    uniqueKeysWithValues: rows.compactMap { row in (row["name"] as? String).map { ($0, row["points"] as? Int ?? -1) } })
                if tables.last != table { tables.append(table) }
                return object["status"] as? String == "completed"
            }
            #expect(completed)
            #expect(tables.count >= 2, "the table should have changed while the league ran: \(tables)")

            // After it: the full report, the table and the matches agree with each other.
            let reportAnswer = try await http.get("/api/leagues/\(leagueID)")
            let report = try JSONDecoder().decode(LeagueReport.self, from: reportAnswer.body)
            #expect(ReportCheck.problems(report) == [])
            #expect(report.matches.count == 6 && report.matches.allSatisfy { $0.status == "finished" })
            #expect(report.seed == 11)
            let standings = try #require(try await http.get("/api/leagues/\(leagueID)/standings").object)
            let rows = try #require(standings["standings"] as? [[String: Any]])
            #expect(rows.map { $0["player_id"] as? String } == report.standings.map(\.playerID))
            #expect(rows.map { $0["points"] as? Int } == report.standings.map(\.points))
            #expect(tables.last == Dictionary(uniqueKeysWithValues: report.standings.map { ($0.name, $0.points) }))
            let finished = try #require(try await http.get("/api/leagues/\(leagueID)/matches?status=finished").object?["matches"] as? [Any])
            #expect(finished.count == 6)
            let roundOne = try #require(
                try await http.get("/api/leagues/\(leagueID)/matches?round=1").object?["matches"] as? [[String: Any]])
            #expect(roundOne.count == 2 && roundOne.allSatisfy { $0["round"] as? Int == 1 })
            let listedAfter = try await http.get("/api/leagues").object?["leagues"] as? [[String: Any]]
            #expect(listedAfter?.first?["leader"] as? String == report.standings.first?.playerID)

            // A transcript through the manager's loop.
            let first = try #require(report.matches.first)
            let transcript = try await http.get("/api/matches/\(first.matchID)?league=\(leagueID)")
            #expect(transcript.status == 200)
            let decoded = try JSONDecoder().decode(MatchTranscript.self, from: transcript.body)
            #expect(decoded.matchID == first.matchID && decoded.leagueID == leagueID)
            #expect(decoded.entries.first?.type == "MATCH_ASSIGNMENT")
            #expect(decoded.entries.contains { $0.type == "MATCH_RESULT_REPORT" })
            #expect(decoded.result?.details.status == first.result)
            #expect(try await http.get("/api/matches/\(first.matchID)").object?["league_id"] as? String == leagueID)
            // An unknown match in a known league: the manager answers E104, which the metrics count.
            let unknown = try await http.get("/api/matches/R9M9?league=\(leagueID)")
            #expect(unknown.status == 404 && unknown.error?["code"] as? String == "match_not_found")

            try await checkEvents(events, report: report)
            let summaryAfter = try #require(try await http.get("/metrics").object)
            #expect(summaryAfter["total_matches"] as? Int == 6)
            #expect(summaryAfter["active_leagues"] as? Int == 0)
            #expect(summaryAfter["inflight_matches"] as? Int == 0)
            try await checkPrometheus(http, report: report, standingsRequests: standingsRequests)
        }
    }

    /// Every kind of event arrived, in agreement with the league's report.
    func checkEvents(_ events: EventStreamReader, report: LeagueReport) async throws {
        var seen: [SSERecord] = []
        let complete = await eventually(within: 10) {
            seen.append(contentsOf: events.records.drain())
            return seen.contains { $0.event == "league_completed" }
        }
        #expect(complete, "no league_completed event; got \(seen.map(\.event))")
        let kinds = Set(seen.map(\.event))
        #expect(
            kinds.isSuperset(of: [
                "agent_joined", "league_started", "match_started", "match_finished", "standings_changed", "league_completed",
            ]))
        #expect(seen.filter { $0.event == "agent_joined" }.count == 6)
        let finished = seen.filter { $0.event == "match_finished" }.compactMap(\.object)
        #expect(Set(finished.compactMap { $0["match_id"] as? String }) == Set(report.matches.map(\.matchID)))
        for event in finished {
            let match = report.matches.first { $0.matchID == event["match_id"] as? String }
            #expect(event["result"] as? String == match?.result?.rawValue)
            #expect((event["duration_ms"] as? Double ?? 0) > 0)
        }
        let started = Set(seen.filter { $0.event == "match_started" }.compactMap { $0.object?["match_id"] as? String })
        #expect(started == Set(report.matches.map(\.matchID)))
        let rounds = seen.filter { $0.event == "standings_changed" }.compactMap(\.object)
        #expect(rounds.compactMap { $0["round"] as? Int } == [1, 2, 3])
        let lastTable = (rounds.last?["standings"] as? [[String: Any]])?.map { $0["points"] as? Int }
        #expect(lastTable == report.standings.map(\.points))
    }

    /// The exposition parses with promtool and with prometheus_client, and its numbers are the league's.
    func checkPrometheus(_ http: HTTPClient, report: LeagueReport, standingsRequests: Int) async throws {
        let byResult = Dictionary(grouping: report.matches.compactMap(\.result), by: \.rawValue).mapValues(\.count)
        var parsed: PrometheusSamples?
        var text = ""
        // Metrics are published by the manager's loop at most every 50 ms, and request durations are
        // recorded once a response is written: wait for the figures, with a deadline.
        let settled = try await eventually(within: 10) {
            let answer = try await http.get("/metrics/prometheus")
            text = answer.text
            let samples = try await PrometheusSamples.parse(text)
            parsed = samples
            let route = ["route": "/api/leagues/{id}/standings", "method": "GET", "status": "200"]
            return samples.value("message_errors_total", ["code": "E104"]) == 1
                && samples.value("http_server_request_duration_seconds_count", route) == Double(standingsRequests + 1)
        }
        let samples = try #require(parsed)
        #expect(settled, "message_errors_total{code=E104} and the standings request count did not settle:\n\(text.prefix(3000))")

        let promtool = try await ToolRun.run("promtool", ["check", "metrics"], input: text)
        #expect(promtool.status == 0, "promtool check metrics: \(promtool.stdout) \(promtool.stderr)")

        for result in ["WIN", "DRAW", "TECHNICAL_LOSS"] {
            #expect(samples.value("matches_total", ["result": result]) == Double(byResult[result] ?? 0), "matches_total{result=\(result)}")
        }
        #expect(samples.types["match_duration_seconds"] == "histogram")
        #expect(samples.value("match_duration_seconds_count") == 6)
        #expect(samples.value("match_duration_seconds_bucket", ["le": "+Inf"]) == 6)
        #expect((samples.value("match_duration_seconds_sum") ?? 0) > 0.3, "six matches of two 150 ms thinks each")
        #expect(samples.value("messages_total", ["type": "MATCH_RESULT_REPORT", "direction": "in"]).map { $0 >= 6 } == true)
        #expect(samples.value("messages_total", ["type": "MATCH_ASSIGNMENT", "direction": "out"]).map { $0 >= 6 } == true)
        #expect(samples.value("messages_total", ["type": "START_LEAGUE", "direction": "in"]) == 1)
        #expect(samples.value("heartbeat_misses_total", ["role": "player"]) == 0)
        #expect(samples.value("heartbeat_misses_total", ["role": "referee"]) == 0)
        for counter in ["reconnects_total", "retries_total", "leases_revoked_total", "store_failures_total", "forfeits_total"] {
            #expect(samples.value(counter) == 0, "\(counter)")
        }
        #expect(samples.value("connected_agents", ["role": "player"]) == 4)
        #expect(samples.value("connected_agents", ["role": "referee"]) == 2)
        #expect(samples.value("inflight_matches") == 0)
        #expect(samples.value("leagues_active") == 0)
        #expect(samples.types["http_server_request_duration_seconds"] == "histogram")
        #expect(samples.value("http_requests_total", ["route": "/api/leagues", "method": "POST", "status": "201"]) == 1)

        // Every metric the alert rules and the Grafana dashboard use is one the manager exposes.
        for file in ["monitoring/alerts.yml", "monitoring/grafana-dashboard.json"] {
            let contents = try String(contentsOf: ToolRun.repositoryRoot.appendingPathComponent(file), encoding: .utf8)
            let missing = MonitoringExpressions.metricNames(in: contents).subtracting(samples.names).subtracting(samples.types.keys)
            #expect(missing.isEmpty, "\(file) uses metrics the manager does not expose: \(missing.sorted())")
        }
    }
}
