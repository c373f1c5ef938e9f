import Foundation
import LeagueProtocol
import LeagueTestSupport
import Testing
import ZeroMQ

/// `league start` and `league demo` game and format flags, through the built binary: what START_LEAGUE
/// they send (to a stand-in manager that only answers it) and the errors they refuse with.
@Suite("Game and format flags", .timeLimit(.minutes(2)))
struct GameFormatFlagsTests {
    /// Runs `league start ARGS` against a ROUTER standing in for the manager; returns the START_LEAGUE it
    /// received, after answering it REJECTED so the command ends, and the command's stderr.
    static func startLeague(_ arguments: [String], stderrWith expected: String? = nil) async throws -> (
        StartLeague, status: Int32?, stderr: [String]
    ) {
        let context = try Context()
        let manager = try await TestPeer(.router, endpoint: "tcp://127.0.0.1:*", bind: true, context: context)
        let start = try AgentProcess(["start", "--manager", manager.endpoint, "--timeout", "20", "--log-level", "warning"] + arguments)
        defer { start.kill() }
        let frames = try #require(await manager.receive(within: 20), "no START_LEAGUE arrived")
        let message = Array(frames.dropFirst())
        let request = try #require(LeagueFrames.decode(StartLeague.self, message), "not a START_LEAGUE")
        let wire = try WireMessage.parse(message)
        let codec = MessageCodec()
        let answer = codec.encode(
            StartLeagueResponse(status: .rejected, leagueID: nil, playerCount: request.playerCount, seed: nil, reason: "stand-in manager"),
            sender: "LM", conversationID: codec.envelope(of: wire.body)?.conversationID ?? "")
        manager.send([frames[0]] + WireMessage(type: .startLeagueResponse, body: answer).frames)
        let status = await start.exitStatus(within: 20)
        await manager.close()
        return (request, status, await stderr(of: start, until: expected))
    }

    /// Stderr lines of `process` until one contains `text` (or, without `text`, until it ends), with a deadline.
    static func stderr(of process: AgentProcess, until text: String?, within seconds: Double = 20) async -> [String] {
        var lines: [String] = []
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            guard let line = await process.stderrLines.take(within: 0.5) else {
                if text == nil { break } else { continue }
            }
            lines.append(line)
            if let text, line.contains(text) { break }
        }
        return lines
    }

    @Test("--game connect-four --format swiss --rounds 5: the wire names and the rounds")
    func swiss() async throws {
        let (request, status, stderr) = try await Self.startLeague(
            ["--game", "connect-four", "--format", "swiss", "--rounds", "5", "--players", "16", "--seed", "3"],
            stderrWith: "stand-in manager")
        #expect(request.gameType == "connect_four")
        #expect(request.format == .swiss && request.rounds == 5)
        #expect(request.playerCount == 16 && request.seed == 3)
        #expect(request.gameOptions == nil && request.gauntletPlayer == nil)
        #expect(status != 0, "a declined league is an error")
        #expect(stderr.contains { $0.contains("stand-in manager") }, "\(stderr)")
    }

    @Test("--game rps --format knockout --best-of 5 --game-option: the options together")
    func knockoutWithOptions() async throws {
        let (request, _, _) = try await Self.startLeague([
            "--game", "rps", "--format", "Knockout", "--best-of", "5", "--game-option", "max_throws=20", "--players", "8",
        ])
        #expect(request.gameType == "rps" && request.format == .knockout && request.rounds == nil)
        #expect(request.gameOptions == ["best_of": 5, "max_throws": 20])
    }

    @Test("--format gauntlet --gauntlet-player; defaults are even_odd round robin")
    func gauntletAndDefaults() async throws {
        let (gauntlet, _, _) = try await Self.startLeague(["--format", "gauntlet", "--gauntlet-player", "ann"])
        #expect(gauntlet.format == .gauntlet && gauntlet.gauntletPlayer == "ann" && gauntlet.gameType == "even_odd")
        let (plain, _, _) = try await Self.startLeague(["--players", "4"])
        #expect(plain.gameType == "even_odd" && plain.format == .roundRobin && plain.rounds == nil && plain.gameOptions == nil)
    }

    @Test(
        "combinations that do not fit are refused before anything is sent",
        arguments: [
            (["start", "--format", "swiss"], "--rounds: a Swiss league needs its number of rounds"),
            (["start", "--rounds", "3"], "only for Swiss"),
            (["start", "--format", "round-robin", "--rounds", "3"], "only for Swiss"),
            (["start", "--format", "swiss", "--rounds", "0"], "at least 1"),
            (["start", "--best-of", "3"], "--best-of is for rps"),
            (["start", "--game", "connect_four", "--best-of", "3"], "--best-of is for rps"),
            (["start", "--gauntlet-player", "ann"], "only for the gauntlet format"),
            (["start", "--format", "elimination"], "unknown format 'elimination'"),
            (["start", "--game", "Go!"], "is not a game name"),
            (["start", "--game-option", "best_of"], "KEY=INT"),
            (["start", "--game", "rps", "--best-of", "3", "--game-option", "best_of=5"], "given twice"),
            (["demo", "--format", "swiss"], "--rounds"),
            (["demo", "--game", "even_odd", "--best-of", "3"], "--best-of is for rps"),
        ])
    func refused(arguments: [String], message: String) async throws {
        // No manager is needed: the flags are checked before anything connects.
        let process = try AgentProcess(arguments)
        defer { process.kill() }
        let status = await process.exitStatus(within: 20)
        #expect(status != nil && status != 0)
        let stderr = await Self.stderr(of: process, until: message)
        #expect(stderr.contains { $0.contains(message) }, "\(stderr)")
    }
}
