import Foundation
import LeagueProtocol
import LeagueStore
import Testing

/// The SQLite store on real files: what is written is read back after reopening, results are final.
@Suite("SQLiteLeagueStore")
struct SQLiteLeagueStoreTests {
    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("league-store-\(UUID().uuidString)/league.sqlite").path
    }

    static let result = MatchResultReport.Result(
        winner: "P01", score: ["P01": 3, "P02": 0],
        details: .init(status: .win, drawnNumber: 4, choices: ["P01": "even", "P02": "odd"], seed: 99, reason: "4 is even"))

    @Test("agents, leagues, leases, results and transcripts survive reopening the file")
    func roundTrip() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
        do {
            let store = try SQLiteLeagueStore(path: path)
            try store.save(agent: StoredAgent(role: .player, id: "P01", name: "ann", capacity: 0))
            try store.save(agent: StoredAgent(role: .player, id: "P02", name: "bob", capacity: 0))
            try store.save(agent: StoredAgent(role: .referee, id: "REF01", name: "ref", capacity: 4))
            let league = StoredLeague(
                id: "league-1", gameType: "even_odd", seed: .max - 3, requestedPlayers: 2, status: .running, players: ["P01", "P02"])
            let match = StoredMatch(leagueID: "league-1", index: 0, matchID: "R1M1", round: 1, playerA: "P01", playerB: "P02", seed: .max)
            try store.save(league: league, matches: [match])
            try store.updateLease(leagueID: "league-1", matchID: "R1M1", leaseID: 1, refereeID: "REF01")
            try store.updateLease(leagueID: "league-1", matchID: "R1M1", leaseID: 1, refereeID: nil)
            try store.updateLease(leagueID: "league-1", matchID: "R1M1", leaseID: 2, refereeID: "REF01")
            let transcript = MatchTranscript(
                leagueID: "league-1", matchID: "R1M1", round: 1, playerA: "P01", playerB: "P02", leaseID: 2, refereeID: "REF01", seed: .max,
                result: Self.result, entries: [.init(offsetMicroseconds: 12, type: "GAME_INVITATION", from: "REF01", to: "P01")])
            try store.recordResult(
                StoredResult(
                    leagueID: "league-1", matchID: "R1M1", leaseID: 2, refereeID: "REF01", result: Self.result, transcript: transcript,
                    completesLeague: true))
            #expect(throws: StoreError.self) {
                try store.recordResult(
                    StoredResult(
                        leagueID: "league-1", matchID: "R1M1", leaseID: 3, refereeID: "REF01", result: Self.result, transcript: transcript,
                        completesLeague: true))
            }
        }
        let reopened = try SQLiteLeagueStore(path: path)
        let state = try reopened.load()
        #expect(state.agents.map(\.id) == ["P01", "P02", "REF01"])
        #expect(state.agents.last?.capacity == 4)
        #expect(state.leagues.first?.status == .completed)
        #expect(state.leagues.first?.seed == UInt64.max - 3)
        #expect(state.leagues.first?.players == ["P01", "P02"])
        let match = try #require(state.matches["league-1"]?.first)
        #expect(match.seed == .max)
        #expect(match.leaseID == 2)
        #expect(match.refereeID == nil)
        #expect(match.result == Self.result)
        let transcript = try #require(try reopened.transcript(leagueID: "league-1", matchID: "R1M1"))
        #expect(transcript.entries.count == 1)
        #expect(transcript.result == Self.result)
        #expect(try reopened.transcript(leagueID: "league-1", matchID: "R9M9") == nil)
    }

    @Test("a transcript of an Even/Odd match stays under 1 KB")
    func compactTranscript() throws {
        let types = [
            "MATCH_ASSIGNMENT", "MATCH_ASSIGNMENT_ACK", "GAME_INVITATION", "GAME_INVITATION", "GAME_JOIN_ACK", "GAME_JOIN_ACK",
            "CHOOSE_PARITY_CALL", "CHOOSE_PARITY_CALL", "CHOOSE_PARITY_RESPONSE", "CHOOSE_PARITY_RESPONSE", "GAME_OVER", "GAME_OVER",
            "MATCH_RESULT_REPORT",
        ]
        let entries = types.enumerated().map {
            MatchTranscript.Entry(offsetMicroseconds: UInt64($0.offset * 137), type: $0.element, from: "REF01", to: "P12")
        }
        let transcript = MatchTranscript(
            leagueID: "league-12", matchID: "R31M16", round: 31, playerA: "P12", playerB: "P31", leaseID: 1, refereeID: "REF01", seed: .max,
            result: Self.result, entries: entries)
        let bytes = try JSONEncoder().encode(transcript)
        #expect(bytes.count <= 1024, "\(bytes.count) bytes")
    }

    @Test("a store that cannot be created says where and why")
    func unopenable() {
        #expect(throws: StoreError.self) { try SQLiteLeagueStore(path: "/proc/league/cannot.sqlite") }
    }

    @Test("a league's game, format and options, agents' games, and rounds added later survive reopening the file")
    func formatsAndGames() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
        let league = StoredLeague(
            id: "league-1", gameType: "rps", seed: 5, requestedPlayers: 3, status: .running, players: ["P01", "P02", "P03"], format: .swiss,
            rounds: 2, gauntletPlayer: nil, gameOptions: ["best_of": 5])
        func match(_ index: Int, _ id: String, round: Int) -> StoredMatch {
            StoredMatch(leagueID: "league-1", index: index, matchID: id, round: round, playerA: "P01", playerB: "P02", seed: 1)
        }
        do {
            let store = try SQLiteLeagueStore(path: path)
            try store.save(agent: StoredAgent(role: .referee, id: "REF01", name: "ref", capacity: 2, games: ["connect_four", "rps"]))
            try store.save(league: league, matches: [match(0, "R1M1", round: 1)])
            try store.save(league: league, matches: [match(1, "R2M1", round: 2)])  // the next Swiss round
        }
        let state = try SQLiteLeagueStore(path: path).load()
        #expect(state.leagues == [league])
        #expect(state.agents.first?.games == ["connect_four", "rps"])
        #expect(state.matches["league-1"]?.map(\.matchID) == ["R1M1", "R2M1"])
    }
}
