import Foundation
import LeagueOperator
import LeagueProtocol

/// The body of `POST /api/leagues`:
/// `{"game": "rps", "players": 8, "format": "knockout", "game_options": {"best_of": 5}, "options": {"seed": 7}}`.
public struct CreateLeagueRequest: Codable, Sendable, Hashable {
    /// Options of a new league.
    public struct Options: Codable, Sendable, Hashable {
        /// Seeds every match's draw; the manager picks one when absent.
        public var seed: UInt64?

        /// Creates options.
        public init(seed: UInt64? = nil) { self.seed = seed }
    }

    /// The game's wire name (`even_odd`, `rps`, `connect_four`, …); defaults to `even_odd`. Any well-formed
    /// name is passed on: the manager decides, and a league of a game no agent plays waits.
    public var game: String
    /// How many registered players the league waits for (2…10000).
    public var players: Int
    /// Optional settings (`seed`).
    public var options: Options
    /// How players are paired; round robin when absent.
    public var format: LeagueFormat
    /// Swiss: the number of rounds (required for Swiss, refused otherwise).
    public var rounds: Int?
    /// Gauntlet: the display name of the player who meets everyone.
    public var gauntletPlayer: String?
    /// Passed to the referees untouched, e.g. `{"best_of": 5}`.
    public var gameOptions: GameOptions

    /// Creates a request.
    public init(
        game: String = evenOddGameType, players: Int, options: Options = Options(), format: LeagueFormat = .roundRobin,
        rounds: Int? = nil, gauntletPlayer: String? = nil, gameOptions: GameOptions = [:]
    ) {
        self.game = game
        self.players = players
        self.options = options
        self.format = format
        self.rounds = rounds
        self.gauntletPlayer = gauntletPlayer
        self.gameOptions = gameOptions
    }

    /// The league settings the request asks for.
    public var settings: LeagueSettings {
        LeagueSettings(game: GameType(game), format: format, rounds: rounds, gauntletPlayer: gauntletPlayer, gameOptions: gameOptions)
    }

    enum CodingKeys: String, CodingKey {
        case game, players, options, format, rounds, gauntletPlayer = "gauntlet_player", gameOptions = "game_options"
    }

    /// The fields the API knows, at the top and in `options`; anything else is refused, so that a typo
    /// is reported instead of silently ignored.
    static let knownFields: [String] = ["game", "players", "format", "rounds", "gauntlet_player", "game_options", "options"]
    static let knownOptions: Set<String> = ["seed"]

    /// Parses and checks a request body; every problem is an ``APIError`` (400 for malformed JSON or a
    /// wrong type, 422 for values out of range, combinations that do not fit or unknown fields).
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
            throw APIError.invalidField("unknown field '\(unknown.prefix(40))'; known: \(knownFields.joined(separator: ", "))")
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
            throw APIError.invalidBody(
                "players and rounds must be integers, game, format and gauntlet_player strings, game_options an object of integers "
                    + "and options.seed an unsigned integer")
        }
        guard (2...10_000).contains(request.players) else { throw APIError.invalidField("players must be from 2 to 10000") }
        var format = LeagueFormat.roundRobin
        if let name = request.format {
            guard let known = LeagueFormat(rawValue: name) else {
                let known = LeagueFormat.allCases.map(\.rawValue).joined(separator: ", ")
                throw APIError.invalidField("unknown format '\(name.prefix(40))'; known: \(known)")
            }
            format = known
        }
        let parsed = CreateLeagueRequest(
            game: request.game ?? evenOddGameType, players: request.players, options: Options(seed: request.options?.seed), format: format,
            rounds: request.rounds, gauntletPlayer: request.gauntletPlayer, gameOptions: request.gameOptions ?? [:])
        do {
            try parsed.settings.validate()
        } catch {
            throw APIError.invalidField("\(error.setting.rawValue): \(error.message)")
        }
        return parsed
    }

    /// What is decoded before the checks: everything but `players` is optional.
    private struct Wire: Decodable {
        var game: String?
        var players: Int
        var format: String?
        var rounds: Int?
        var gauntletPlayer: String?
        var gameOptions: GameOptions?
        var options: Options?

        enum CodingKeys: String, CodingKey {
            case game, players, format, rounds, gauntletPlayer = "gauntlet_player", gameOptions = "game_options", options
        }
    }
}

/// The body of a `201 Created` answer to `POST /api/leagues`.
public struct CreatedLeague: Codable, Sendable, Hashable {
    /// The new league's id, e.g. `league-3`.
    public var leagueID: String
    /// `waiting` until enough players are free, then `running`.
    public var status: LeagueReport.Status
    /// The game (`even_odd`, `rps`, …).
    public var game: String
    /// How players are paired.
    public var format: LeagueFormat
    /// How many players the league waits for.
    public var players: Int
    /// The seed the manager will use (the request's, or one it picked).
    public var seed: UInt64?
    /// Where to follow the league.
    public var links: [String: String]

    /// Creates the answer.
    public init(
        leagueID: String, status: LeagueReport.Status, game: String, format: LeagueFormat = .roundRobin, players: Int, seed: UInt64?
    ) {
        self.leagueID = leagueID
        self.status = status
        self.game = game
        self.format = format
        self.players = players
        self.seed = seed
        links = [
            "self": "/api/leagues/\(leagueID)", "standings": "/api/leagues/\(leagueID)/standings",
            "matches": "/api/leagues/\(leagueID)/matches", "events": "/api/events?league=\(leagueID)",
        ]
        if format == .knockout { links["bracket"] = "/api/leagues/\(leagueID)/bracket" }
    }

    enum CodingKeys: String, CodingKey {
        case leagueID = "league_id", status, game, format, players, seed, links
    }
}
