import Foundation
import LeagueProtocol

/// The body of `POST /api/leagues`: `{"game": "even_odd", "players": 4, "options": {"seed": 7}}`.
public struct CreateLeagueRequest: Codable, Sendable, Hashable {
    /// Options of a new league.
    public struct Options: Codable, Sendable, Hashable {
        /// Seeds every match's draw; the manager picks one when absent.
        public var seed: UInt64?

        /// Creates options.
        public init(seed: UInt64? = nil) { self.seed = seed }
    }

    /// The game; only `even_odd` exists. Defaults to it.
    public var game: String
    /// How many registered players the league waits for (2…10000).
    public var players: Int
    /// Optional settings (`seed`).
    public var options: Options

    /// Creates a request.
    public init(game: String = evenOddGameType, players: Int, options: Options = Options()) {
        self.game = game
        self.players = players
        self.options = options
    }

    /// The fields the API knows, at the top and in `options`; anything else is refused, so that a typo
    /// is reported instead of silently ignored.
    static let knownFields: Set<String> = ["game", "players", "options"]
    static let knownOptions: Set<String> = ["seed"]

    /// Parses and checks a request body; every problem is an ``APIError`` (400 for malformed JSON or a
    /// wrong type, 422 for values out of range or unknown fields).
    static func parse(_ data: Data) throws(APIError) -> CreateLeagueRequest {
        guard !data.isEmpty else { throw APIError.invalidBody("the body must be a JSON object such as {\"players\": 4}") }
        let object: [String: Any]
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw APIError.invalidBody("the body must be a JSON object")
            }
            object = parsed
        } catch let error as APIError {
            throw error
        } catch {
            throw APIError.invalidBody("the body is not valid JSON")
        }
        if let unknown = object.keys.filter({ !knownFields.contains($0) }).sorted().first {
            throw APIError.invalidField("unknown field '\(unknown.prefix(40))'; known: game, players, options")
        }
        if let options = object["options"] {
            guard let options = options as? [String: Any] else { throw APIError.invalidBody("options must be an object") }
            if let unknown = options.keys.filter({ !knownOptions.contains($0) }).sorted().first {
                throw APIError.invalidField("unknown option '\(unknown.prefix(40))'; known: seed")
            }
        }
        guard object["players"] != nil else { throw APIError.invalidBody("missing field 'players'") }
        let request: Wire
        do {
            request = try JSONDecoder().decode(Wire.self, from: data)
        } catch {
            throw APIError.invalidBody("players must be an integer, game a string and options.seed an unsigned integer")
        }
        let game = request.game ?? evenOddGameType
        guard game == evenOddGameType else { throw APIError.invalidField("unknown game '\(game.prefix(40))'; the manager plays even_odd") }
        guard (2...10_000).contains(request.players) else { throw APIError.invalidField("players must be from 2 to 10000") }
        return CreateLeagueRequest(game: game, players: request.players, options: Options(seed: request.options?.seed))
    }

    /// What is decoded before the checks: everything but `players` is optional.
    private struct Wire: Decodable {
        var game: String?
        var players: Int
        var options: Options?
    }
}

/// The body of a `201 Created` answer to `POST /api/leagues`.
public struct CreatedLeague: Codable, Sendable, Hashable {
    /// The new league's id, e.g. `league-3`.
    public var leagueID: String
    /// `waiting` until enough players are free, then `running`.
    public var status: LeagueReport.Status
    /// The game (`even_odd`).
    public var game: String
    /// How many players the league waits for.
    public var players: Int
    /// The seed the manager will use (the request's, or one it picked).
    public var seed: UInt64?
    /// Where to follow the league.
    public var links: [String: String]

    /// Creates the answer.
    public init(leagueID: String, status: LeagueReport.Status, game: String, players: Int, seed: UInt64?) {
        self.leagueID = leagueID
        self.status = status
        self.game = game
        self.players = players
        self.seed = seed
        links = [
            "self": "/api/leagues/\(leagueID)", "standings": "/api/leagues/\(leagueID)/standings",
            "matches": "/api/leagues/\(leagueID)/matches", "events": "/api/events?league=\(leagueID)",
        ]
    }

    enum CodingKeys: String, CodingKey {
        case leagueID = "league_id", status, game, players, seed, links
    }
}
