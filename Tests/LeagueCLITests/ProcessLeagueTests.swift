import Foundation
import LeagueProtocol
import LeagueTestSupport
import Testing

/// Leagues of separate OS processes of the built `league` binary over tcp loopback.
@Suite("Processes", .serialized, .timeLimit(.minutes(3)))
struct ProcessLeagueTests {
    /// Starts a manager on a free port and returns it with its endpoint.
    static func manager() async throws -> (AgentProcess, String) {
        let manager = try AgentProcess([
            "manager", "--bind", "tcp://127.0.0.1:*", "--db", "memory", "--http", "off", "--log-level", "warning",
        ])
        let line = try #require(await manager.line(startingWith: "manager listening on "), "the manager did not report its endpoint")
        return (manager, String(line.dropFirst("manager listening on ".count)))
    }

    @Test("manager, 2 referees and 6 players as processes complete a league through `league start --wait --json`")
    func sixPlayerLeague() async throws {
        let (manager, endpoint) = try await Self.manager()
        var agents: [AgentProcess] = []
        for name in ["REF01", "REF02"] {
            agents.append(try AgentProcess(["referee", "--manager", endpoint, "--name", name, "--log-level", "warning"]))
        }
        let strategies = ["random", "even", "odd", "frequency", "pattern", "random"]
        for (index, strategy) in strategies.enumerated() {
            agents.append(
                try AgentProcess([
                    "player", "--manager", endpoint, "--name", "p\(index + 1)", "--strategy", strategy, "--seed", "\(index + 10)",
                    "--log-level", "warning",
                ]))
        }
        let start = try AgentProcess(["start", "--manager", endpoint, "--players", "6", "--wait", "--json", "--seed", "42"])
        let output = await start.allOutput(within: 60)
        #expect(await start.exitStatus() == 0)
        let report = try JSONDecoder().decode(LeagueReport.self, from: Data(output.utf8))
        #expect(ReportCheck.problems(report) == [])
        #expect(report.matches.count == 15)
        #expect(Set(report.standings.map(\.name)) == Set((1...6).map { "p\($0)" }))
        #expect(report.seed == 42)

        let standings = try AgentProcess(["standings", "--manager", endpoint])
        let table = await standings.allOutput(within: 20)
        #expect(await standings.exitStatus() == 0)
        #expect(table.contains("completed: 15/15 matches"))
        #expect(table.contains("p1") && table.contains("Pts"))

        let match = try AgentProcess(["match", "R2M1", "--manager", endpoint, "--json"])
        let transcriptJSON = await match.allOutput(within: 20)
        #expect(await match.exitStatus() == 0)
        let transcript = try JSONDecoder().decode(MatchTranscript.self, from: Data(transcriptJSON.utf8))
        #expect(transcript.matchID == "R2M1")
        #expect(transcript.result != nil)
        let types = transcript.entries.map(\.type)
        for type in [
            "MATCH_ASSIGNMENT", "GAME_INVITATION", "GAME_JOIN_ACK", "CHOOSE_PARITY_CALL", "CHOOSE_PARITY_RESPONSE", "GAME_OVER",
            "MATCH_RESULT_REPORT",
        ] {
            #expect(types.contains(type), "the transcript lacks \(type)")
        }
        #expect(types.count >= 12)
        #expect(zip(transcript.entries, transcript.entries.dropFirst()).allSatisfy { $0.offsetMicroseconds <= $1.offsetMicroseconds })
        #expect(try JSONEncoder().encode(transcript).count <= 1024, "stored compactly")

        for agent in agents { agent.signal(SIGTERM) }
        manager.signal(SIGINT)
        for agent in agents + [manager] {
            #expect(await agent.exitStatus() == 0, "every role stops cleanly on SIGTERM/SIGINT")
        }
    }

    @Test("--log-file rotates: at most K backups of at most N bytes, each line a JSON object")
    func logRotation() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("league-logrot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("demo.log").path
        let demo = try AgentProcess([
            "demo", "--players", "6", "--seed", "2", "--log-level", "debug", "--log-file", log, "--log-max-bytes", "4000", "--log-backups",
            "2",
        ])
        _ = await demo.allOutput(within: 60)
        #expect(await demo.exitStatus() == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["demo.log", "demo.log.1", "demo.log.2"])
        for file in files {
            let path = folder.appendingPathComponent(file).path
            let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? .max
            #expect(size <= 4000)
            for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                #expect(object?["timestamp"] != nil && object?["level"] != nil && object?["message"] != nil)
            }
        }
    }

    @Test("`league start` against an endpoint where nothing listens fails with a clear message")
    func noManager() async throws {
        let start = try AgentProcess(["start", "--manager", "tcp://127.0.0.1:9", "--players", "2", "--timeout", "1"])
        let status = await start.exitStatus(within: 20)
        #expect(status != nil && status != 0)
        var errors: [String] = []
        while let line = await start.stderrLines.take(within: 2) { errors.append(line) }
        #expect(errors.joined().contains("no answer to START_LEAGUE"))
    }

    @Test("`league demo --json` prints one complete league as JSON")
    func demoJSON() async throws {
        let demo = try AgentProcess(["demo", "--players", "5", "--referees", "2", "--seed", "3", "--json"])
        let output = await demo.allOutput(within: 60)
        #expect(await demo.exitStatus() == 0)
        let report = try JSONDecoder().decode(LeagueReport.self, from: Data(output.utf8))
        #expect(ReportCheck.problems(report) == [])
        #expect(report.matches.count == 10)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        for key in ["league_id", "status", "matches", "standings"] { #expect(object[key] != nil, "missing \(key)") }
        let match = try #require((object["matches"] as? [[String: Any]])?.first)
        for key in ["match_id", "round", "player_a", "player_b", "result", "winner", "drawn_number"] {
            #expect(match.keys.contains(key), "match lacks \(key)")
        }
        let row = try #require((object["standings"] as? [[String: Any]])?.first)
        for key in ["rank", "player_id", "name", "played", "wins", "draws", "losses", "points"] {
            #expect(row.keys.contains(key), "standing lacks \(key)")
        }
    }

    @Test("every command has --help", arguments: ["", "manager", "referee", "player", "start", "standings", "demo"])
    func help(command: String) async throws {
        let process = try AgentProcess((command.isEmpty ? [] : [command]) + ["--help"])
        let output = await process.allOutput(within: 20)
        #expect(await process.exitStatus() == 0)
        #expect(output.contains("USAGE: league"))
        #expect(output.contains("--help"))
    }
}
