import Foundation
import LeagueTestSupport

extension TestCluster {
    /// Starts the cluster's manager with its HTTP server on a free loopback port; returns a client for it.
    func startManagerWithHTTP(graceMilliseconds: Int = 10_000) async throws -> HTTPClient {
        let manager = try await startManager(graceMilliseconds: graceMilliseconds, extra: ["--http", "127.0.0.1:0"])
        guard let line = await manager.line(startingWith: "http listening on ", within: 30),
            let url = URL(string: String(line.dropFirst("http listening on ".count)))
        else { throw ToolError(reason: "the manager did not report its HTTP address") }
        return HTTPClient(base: url)
    }

    /// Starts `referees` referees and the named players, each player with its own seed.
    func startAgents(referees: Int, players: [String], thinkMilliseconds: Int = 0, seed: Int = 1) throws {
        for index in 1...max(referees, 1) where index <= referees {
            try startReferee(String(format: "REF%02d", index), maxMatches: 2)
        }
        let strategies = ["random", "frequency", "pattern", "even", "odd"]
        for (index, name) in players.enumerated() {
            try startPlayer(name, strategy: strategies[index % strategies.count], seed: seed + index, thinkMilliseconds: thinkMilliseconds)
        }
    }
}

/// Waits until `condition` holds for the JSON at `path`, with a deadline; returns the last answer.
func poll(
    _ client: HTTPClient, _ path: String, within seconds: Double = 30, until condition: @escaping ([String: Any]) -> Bool
) async throws -> [String: Any] {
    var last: [String: Any] = [:]
    let held = await eventually(within: seconds) {
        guard let object = try? await client.get(path).object else { return false }
        last = object
        return condition(object)
    }
    guard held else { throw ToolError(reason: "\(path) did not reach the expected state within \(seconds) s; last: \(last)") }
    return last
}
