import Foundation
import GRDB
import LeagueProtocol

/// The SQLite store, through GRDB, in WAL mode.
///
/// Writes run synchronously on the calling thread (the manager's event loop, never the concurrency pool)
/// and are committed when they return. `synchronous=NORMAL` in WAL mode survives a killed process; a
/// power cut may lose the last transactions (pass `durable: true` for `synchronous=FULL`).
public final class SQLiteLeagueStore: LeagueStore {
    private let pool: DatabasePool
    private let encoder = JSONEncoder()
    private let decoder = JSONDecoder()

    /// Opens (creating if needed) the database at `path`, and its folder.
    public init(path: String, durable: Bool = false) throws(StoreError) {
        do {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var configuration = Configuration()
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = \(durable ? "FULL" : "NORMAL")")
            }
            configuration.busyMode = .timeout(5)
            pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
        } catch {
            throw StoreError(operation: "open \(path)", reason: "\(error)")
        }
    }

    public func load() throws(StoreError) -> StoredState {
        try run("load") {
            try pool.read { db in
                var state = StoredState()
                for row in try Row.fetchAll(db, sql: "SELECT role, id, name, capacity, games FROM agents ORDER BY rowid") {
                    let role: String = row["role"]
                    let games: String = row["games"]
                    state.agents.append(
                        StoredAgent(
                            role: AgentRole(rawValue: role) ?? .player, id: row["id"], name: row["name"], capacity: row["capacity"],
                            games: try decoder.decode([GameType].self, from: Data(games.utf8))))
                }
                for row in try Row.fetchAll(db, sql: "SELECT * FROM leagues ORDER BY rowid") {
                    let players: String = row["players"]
                    let format: String = row["format"]
                    let options: String = row["format_options"]
                    let stored = try decoder.decode(FormatColumns.self, from: Data(options.utf8))
                    state.leagues.append(
                        StoredLeague(
                            id: row["id"], gameType: row["game_type"], seed: UInt64(bitPattern: row["seed"]),
                            requestedPlayers: row["requested_players"],
                            status: LeagueReport.Status(rawValue: row["status"]) ?? .running,
                            players: try decoder.decode([String].self, from: Data(players.utf8)),
                            format: LeagueFormat(rawValue: format) ?? .roundRobin, rounds: stored.rounds,
                            gauntletPlayer: stored.gauntletPlayer, gameOptions: stored.gameOptions ?? [:]))
                }
                for row in try Row.fetchAll(db, sql: "SELECT * FROM matches ORDER BY league_id, match_index") {
                    let resultText: String? = row["result"]
                    let match = StoredMatch(
                        leagueID: row["league_id"], index: row["match_index"], matchID: row["match_id"], round: row["round"],
                        playerA: row["player_a"], playerB: row["player_b"], seed: UInt64(bitPattern: row["seed"]),
                        leaseID: row["lease_id"], refereeID: row["referee_id"],
                        result: try resultText.map { try decoder.decode(MatchResultReport.Result.self, from: Data($0.utf8)) })
                    state.matches[match.leagueID, default: []].append(match)
                }
                return state
            }
        }
    }

    public func save(agent: StoredAgent) throws(StoreError) {
        try run("save agent") {
            try pool.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO agents (id, role, name, capacity, games) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT(id) DO UPDATE SET name = excluded.name, capacity = excluded.capacity, games = excluded.games
                        """,
                    arguments: [
                        agent.id, agent.role.rawValue, agent.name, agent.capacity,
                        String(decoding: try encoder.encode(agent.games), as: UTF8.self),
                    ])
            }
        }
    }

    public func save(league: StoredLeague, matches: [StoredMatch]) throws(StoreError) {
        try run("save league") {
            let players = String(decoding: try encoder.encode(league.players), as: UTF8.self)
            let options = FormatColumns(
                rounds: league.rounds, gauntletPlayer: league.gauntletPlayer,
                gameOptions: league.gameOptions.isEmpty ? nil : league.gameOptions)
            let optionsText = String(decoding: try encoder.encode(options), as: UTF8.self)
            try pool.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO leagues (id, game_type, seed, requested_players, status, players, format, format_options)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT(id) DO UPDATE SET status = excluded.status, players = excluded.players
                        """,
                    arguments: [
                        league.id, league.gameType, Int64(bitPattern: league.seed), league.requestedPlayers, league.status.rawValue,
                        players, league.format.rawValue, optionsText,
                    ])
                for match in matches {
                    try db.execute(
                        sql: """
                            INSERT OR IGNORE INTO matches (league_id, match_index, match_id, round, player_a, player_b, seed, lease_id)
                            VALUES (?, ?, ?, ?, ?, ?, ?, 0)
                            """,
                        arguments: [
                            match.leagueID, match.index, match.matchID, match.round, match.playerA, match.playerB,
                            Int64(bitPattern: match.seed),
                        ])
                }
            }
        }
    }

    public func updateLease(leagueID: String, matchID: String, leaseID: Int, refereeID: String?) throws(StoreError) {
        try run("update lease") {
            try pool.write { db in
                try db.execute(
                    sql: "UPDATE matches SET lease_id = ?, referee_id = ? WHERE league_id = ? AND match_id = ? AND result IS NULL",
                    arguments: [leaseID, refereeID, leagueID, matchID])
                try db.execute(
                    sql: """
                        INSERT INTO leases (league_id, match_id, lease_id, referee_id, event) VALUES (?, ?, ?, ?, ?)
                        """,
                    arguments: [leagueID, matchID, leaseID, refereeID, refereeID == nil ? "revoked" : "granted"])
            }
        }
    }

    public func recordResult(_ stored: StoredResult) throws(StoreError) {
        try run("record result") {
            let result = String(decoding: try encoder.encode(stored.result), as: UTF8.self)
            let transcript = try encoder.encode(stored.transcript)
            try pool.write { db in
                try db.execute(
                    sql: """
                        UPDATE matches SET result = ?, lease_id = ?, referee_id = NULL, finished_at = ?
                        WHERE league_id = ? AND match_id = ? AND result IS NULL
                        """,
                    arguments: [result, stored.leaseID, Timestamp.now(), stored.leagueID, stored.matchID])
                guard db.changesCount == 1 else {
                    throw StoreError(
                        operation: "record result", reason: "\(stored.leagueID)/\(stored.matchID) is unknown or already has a result")
                }
                try db.execute(
                    sql: "INSERT INTO leases (league_id, match_id, lease_id, referee_id, event) VALUES (?, ?, ?, ?, 'finished')",
                    arguments: [stored.leagueID, stored.matchID, stored.leaseID, stored.refereeID])
                try db.execute(
                    sql: "INSERT OR REPLACE INTO transcripts (league_id, match_id, lease_id, body) VALUES (?, ?, ?, ?)",
                    arguments: [stored.leagueID, stored.matchID, stored.leaseID, transcript])
                if stored.completesLeague {
                    try db.execute(sql: "UPDATE leagues SET status = 'completed' WHERE id = ?", arguments: [stored.leagueID])
                }
            }
        }
    }

    public func transcript(leagueID: String, matchID: String) throws(StoreError) -> MatchTranscript? {
        try run("read transcript") {
            let body = try pool.read { db in
                try Data.fetchOne(
                    db, sql: "SELECT body FROM transcripts WHERE league_id = ? AND match_id = ?", arguments: [leagueID, matchID])
            }
            return try body.map { try decoder.decode(MatchTranscript.self, from: $0) }
        }
    }

    private func run<T>(_ operation: String, _ body: () throws -> T) throws(StoreError) -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(operation: operation, reason: "\(error)")
        }
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE agents (
                        id TEXT PRIMARY KEY, role TEXT NOT NULL, name TEXT NOT NULL, capacity INTEGER NOT NULL,
                        registered_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')));
                    CREATE TABLE leagues (
                        id TEXT PRIMARY KEY, game_type TEXT NOT NULL, seed INTEGER NOT NULL,
                        requested_players INTEGER NOT NULL, status TEXT NOT NULL, players TEXT NOT NULL,
                        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')));
                    CREATE TABLE matches (
                        league_id TEXT NOT NULL REFERENCES leagues(id), match_index INTEGER NOT NULL,
                        match_id TEXT NOT NULL, round INTEGER NOT NULL, player_a TEXT NOT NULL, player_b TEXT NOT NULL,
                        seed INTEGER NOT NULL, lease_id INTEGER NOT NULL, referee_id TEXT, result TEXT, finished_at TEXT,
                        PRIMARY KEY (league_id, match_id));
                    CREATE TABLE leases (
                        league_id TEXT NOT NULL, match_id TEXT NOT NULL, lease_id INTEGER NOT NULL, referee_id TEXT,
                        event TEXT NOT NULL, at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')));
                    CREATE TABLE transcripts (
                        league_id TEXT NOT NULL, match_id TEXT NOT NULL, lease_id INTEGER NOT NULL, body BLOB NOT NULL,
                        PRIMARY KEY (league_id, match_id));
                    """)
        }
        // v2: games and formats. Agents declare their games; leagues keep their format and its options.
        migrator.registerMigration("v2") { db in
            try db.execute(
                sql: """
                    ALTER TABLE agents ADD COLUMN games TEXT NOT NULL DEFAULT '["even_odd"]';
                    ALTER TABLE leagues ADD COLUMN format TEXT NOT NULL DEFAULT 'round_robin';
                    ALTER TABLE leagues ADD COLUMN format_options TEXT NOT NULL DEFAULT '{}';
                    """)
        }
        return migrator
    }
}

/// A league's format options as one JSON column.
private struct FormatColumns: Codable {
    var rounds: Int?
    var gauntletPlayer: String?
    var gameOptions: GameOptions?

    enum CodingKeys: String, CodingKey { case rounds, gauntletPlayer = "gauntlet_player", gameOptions = "game_options" }
}
