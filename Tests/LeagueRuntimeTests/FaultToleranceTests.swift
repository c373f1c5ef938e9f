import LeagueProtocol
import LeagueRuntime
import LeagueTestSupport
import Testing
import ZeroMQ

/// Leagues that meet silent players and garbage, over real sockets.
@Suite("Fault tolerance", .timeLimit(.minutes(2)))
struct FaultToleranceTests {
    /// Registers a raw DEALER as a player that never answers anything afterwards.
    static func silentPlayer(_ name: String, endpoint: String, context: Context) async throws -> (peer: TestPeer, id: String) {
        let peer = try await TestPeer(.dealer, endpoint: endpoint, context: context)
        let body = LeagueFrames.json(
            "LEAGUE_REGISTER_REQUEST", sender: "player:\(name)",
            fields: ["player_meta": #"{"display_name":"\#(name)","version":"1","game_types":["even_odd"]}"#])
        peer.send(LeagueFrames.frames("LEAGUE_REGISTER_REQUEST", body: body))
        let reply = try #require(await peer.receive())
        let response = try #require(LeagueFrames.decode(LeagueRegisterResponse.self, reply))
        return (peer, try #require(response.playerID))
    }

    @Test("a player that never answers loses each match technically and the league still completes")
    func silentPlayerLoses() async throws {
        let context = try Context()
        let options = LocalLeagueOptions(players: 3, referees: 2, seed: 5, joinTimeoutMilliseconds: 1_500, moveTimeoutMilliseconds: 1_500)
        let league = try await LocalLeague.launch(options, context: context, logger: quietLogger)
        let silent = try await Self.silentPlayer("zz-silent", endpoint: league.endpoint, context: context)
        let report = try await league.play(players: 4)
        await league.shutdown()
        await silent.peer.close()
        #expect(ReportCheck.problems(report) == [])
        let silentMatches = report.matches.filter { $0.playerA == silent.id || $0.playerB == silent.id }
        #expect(silentMatches.count == 3)
        for match in silentMatches {
            #expect(match.result == .technicalLoss)
            #expect(match.winner != nil && match.winner != silent.id)
            #expect(match.drawnNumber == nil)
        }
        #expect(report.standings.last?.playerID == silent.id)
        #expect(report.standings.last?.points == 0)
    }

    @Test("garbage from a raw DEALER gets errors while a league in progress is unaffected")
    func garbageDuringLeague() async throws {
        let context = try Context()
        // Seven players of the runtime and one that joins its first match only once the garbage is checked:
        // the league is still in progress then, by construction (a long join deadline keeps that match fair).
        let options = LocalLeagueOptions(players: 7, referees: 2, seed: 9, thinkMilliseconds: 20, joinTimeoutMilliseconds: 120_000)
        let league = try await LocalLeague.launch(options, context: context, logger: quietLogger)
        let gated = try await GatedPlayer(name: "player-08", endpoint: league.endpoint, context: context)
        async let played = league.play(players: 8)
        let attacker = try await TestPeer(.dealer, endpoint: league.endpoint, context: context)
        let garbage: [([[UInt8]], ErrorCode)] = [
            ([Array("garbage".utf8)], .malformedFrames),
            (LeagueFrames.frames("LEAGUE_REGISTER_REQUEST", body: "{{{"), .invalidJSON),
            (LeagueFrames.frames("WHATEVER", body: "{}"), .unknownMessageType),
            (LeagueFrames.frames("LEAGUE_REGISTER_REQUEST", body: LeagueFrames.json("LEAGUE_REGISTER_REQUEST")), .missingRequiredField),
            (LeagueFrames.frames("CHOOSE_PARITY_RESPONSE", peer: "REF01", token: "tok_forged", body: "{}"), .playerNotRegistered),
            (LeagueFrames.frames("MATCH_RESULT_REPORT", token: "tok_forged", body: "{}"), .playerNotRegistered),
            (LeagueFrames.frames("LEAGUE_QUERY", token: "tok_forged", body: "{}"), .authTokenInvalid),
        ]
        var codes: [ErrorCode] = []
        for round in 0..<5 {
            for (frames, _) in garbage { attacker.send(frames) }
            for _ in garbage {
                let reply = try #require(await attacker.receive(), "no error reply in round \(round)")
                codes.append(try #require(LeagueFrames.decode(LeagueError.self, reply)).errorCode)
            }
        }
        #expect(codes == Array(repeating: garbage.map(\.1), count: 5).flatMap { $0 })
        #expect(league.managerStats.snapshot.matchesFinished < 28, "the garbage arrived while the league was in progress")
        gated.open()
        let report = try await played
        await gated.close()
        await attacker.close()
        await league.shutdown()
        #expect(ReportCheck.problems(report) == [])
        #expect(report.matches.allSatisfy { $0.result != .technicalLoss })
        #expect(league.managerStats.snapshot.totalErrors == garbage.count * 5)
    }
}
