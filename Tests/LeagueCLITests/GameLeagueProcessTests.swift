import Foundation
import LeagueProtocol
import LeagueTestSupport
import Testing

/// Leagues of games other than Even/Odd, every role a separate process of the built binary.
@Suite("Game leagues as processes", .serialized, .timeLimit(.minutes(3)))
struct GameLeagueProcessTests {
    @Test("a 6-player Connect Four league completes through `league start --game connect-four --wait --json`, every pair once")
    func connectFourLeague() async throws {
        let (manager, endpoint) = try await ProcessLeagueTests.manager()
        var agents: [AgentProcess] = []
        for name in ["REF01", "REF02"] {
            agents.append(try AgentProcess(["referee", "--manager", endpoint, "--name", name, "--log-level", "warning"]))
        }
        // An Even/Odd-only player registers too: the manager must leave it out of a Connect Four league.
        agents.append(try AgentProcess(["player", "--manager", endpoint, "--name", "eo-only", "--log-level", "warning"]))
        for index in 1...6 {
            let strategy = index % 2 == 0 ? "search" : "random"
            agents.append(
                try AgentProcess([
                    "player", "--manager", endpoint, "--name", "c\(index)", "--game", "connect-four=\(strategy)", "--seed", "\(index)",
                    "--log-level", "warning",
                ]))
        }
        let start = try AgentProcess([
            "start", "--manager", endpoint, "--players", "6", "--game", "connect-four", "--wait", "--json", "--seed", "8",
        ])
        let output = await start.allOutput(within: 90)
        #expect(await start.exitStatus() == 0)
        let report = try JSONDecoder().decode(LeagueReport.self, from: Data(output.utf8))
        #expect(report.gameType == "connect_four")
        #expect(ReportCheck.problems(report) == [])
        #expect(report.matches.count == 15)
        #expect(Set(report.standings.map(\.name)) == Set((1...6).map { "c\($0)" }))

        let match = try AgentProcess(["match", "R1M1", "--manager", endpoint, "--json"])
        let transcriptJSON = await match.allOutput(within: 20)
        #expect(await match.exitStatus() == 0)
        let transcript = try JSONDecoder().decode(MatchTranscript.self, from: Data(transcriptJSON.utf8))
        let types = Set(transcript.entries.map(\.type))
        for type in [
            "MATCH_ASSIGNMENT", "GAME_INVITATION", "GAME_JOIN_ACK", "MOVE_REQUEST", "MOVE_RESPONSE", "GAME_OVER", "MATCH_RESULT_REPORT",
        ] {
            #expect(types.contains(type), "the transcript lacks \(type)")
        }
        #expect(!types.contains("CHOOSE_PARITY_CALL"))

        for agent in agents { agent.signal(SIGTERM) }
        manager.signal(SIGINT)
        for agent in agents + [manager] { #expect(await agent.exitStatus() == 0) }
    }
}
