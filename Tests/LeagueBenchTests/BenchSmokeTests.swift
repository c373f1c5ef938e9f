import Foundation
import LeagueBench
import LeagueTestSupport
import Logging
import Testing

let quietLogger = Logger(label: "bench-test", factory: { _ in SwiftLogNoOpLogHandler() })

/// A tiny `league bench` scenario over real sockets, so the harness cannot rot: its JSON must carry every
/// field `docs/PERFORMANCE.md` quotes, and every match must be accounted for.
@Suite("Bench smoke", .serialized, .timeLimit(.minutes(2)))
struct BenchSmokeTests {
    @Test("4 players, 2 leagues back to back, with the raw relay", arguments: [BenchScenario.Transport.inproc, .tcp])
    func smoke(transport: BenchScenario.Transport) async throws {
        let scenario = BenchScenario(
            players: 4, referees: 2, leagues: 2, transport: transport, seed: 5, rawRelay: true, rawRelayMatchLimit: 50,
            leagueTimeoutSeconds: 30)
        let report = try await BenchRunner.run(scenario, executable: "", logger: quietLogger)
        #expect(report.league.matches == 12)
        #expect(report.league.lostMatches == 0)
        #expect(report.league.technicalLosses == 0)
        #expect(report.league.matchLatencyMs.count == 12, "the referees timed every match")
        #expect(report.league.matchLatencyMs.p50 > 0 && report.league.matchLatencyMs.p50 <= report.league.matchLatencyMs.p99)
        #expect(report.league.matchLatencyMs.p99 <= report.league.matchLatencyMs.max)
        #expect(report.league.leagueMs?.count == 2)
        #expect(report.league.managerErrors == 0)
        #expect((report.league.managerMessages ?? 0) >= 12 * 11, "every match passes 11 messages through the manager")
        let raw = try #require(report.rawRelay)
        #expect(raw.matches == 12 && raw.lostMatches == 0)
        #expect(raw.managerMessages == 12 * 11)
        #expect((report.leagueToRawRatio ?? 0) > 0)
        #expect(Set(report.roles.map(\.role)).isSuperset(of: ["manager", "referee", "player", "process"]))

        let json = try BenchOutput.encoder().encode(report)
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let league = try #require(object["league"] as? [String: Any])
        for key in ["matches", "lost_matches", "matches_per_second", "match_latency_ms", "league_ms", "manager_messages_per_second"] {
            #expect(league[key] != nil, "league lacks \(key)")
        }
        let latency = try #require(league["match_latency_ms"] as? [String: Any])
        for key in ["p50", "p90", "p99", "max"] { #expect(latency[key] != nil, "latency lacks \(key)") }
        for key in ["scenario", "machine", "raw_relay", "league_to_raw_ratio", "roles"] {
            #expect(object[key] != nil, "report lacks \(key)")
        }
        let back = try BenchOutput.decoder().decode(BenchReport.self, from: json)
        #expect(back.league.matches == report.league.matches)
    }

    @Test("`league bench --roles processes --json`: manager, referees and players as processes")
    func processes() async throws {
        let bench = try AgentProcess([
            "bench", "--players", "4", "--referees", "2", "--leagues", "2", "--roles", "processes", "--raw-relay", "--raw-matches", "30",
            "--timeout", "30", "--json",
        ])
        let output = await bench.allOutput(within: 90)
        #expect(await bench.exitStatus() == 0)
        let report = try BenchOutput.decoder().decode(BenchReport.self, from: Data(output.utf8))
        #expect(report.scenario.roles == .processes)
        #expect(report.league.matches == 12 && report.league.lostMatches == 0)
        #expect(report.league.matchLatencyMs.count == 12, "the referee processes reported every match's latency")
        #expect((report.league.managerMessages ?? 0) >= 12 * 11, "read from the manager's final log line")
        let roles = Dictionary(uniqueKeysWithValues: report.roles.map { ($0.role, $0) })
        #expect(roles["manager"]?.count == 1 && roles["referee"]?.count == 2 && roles["player"]?.count == 4)
        #expect((roles["player"]?.peakRssMegabytes ?? 0) > 0)
        #expect(report.rawRelay?.matches == 12)
    }

    @Test("scenarios that cannot run are refused before anything starts")
    func invalid() async {
        await #expect(throws: BenchError.self) {
            _ = try await BenchRunner.run(BenchScenario(transport: .inproc, roles: .processes), executable: "", logger: quietLogger)
        }
        #expect(BenchScenario(players: 1).problem != nil)
        #expect(BenchScenario(leagues: 2, concurrentLeagues: 3).problem != nil)
    }
}
