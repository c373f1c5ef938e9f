/// START_LEAGUE (ours): an operator asks for a league of `player_count` registered players.
///
/// The manager answers at once with START_LEAGUE_RESPONSE. The league waits (status `waiting`) until that
/// many registered players are free, then runs; the sender receives ROUND_COMPLETED and LEAGUE_COMPLETED.
public struct StartLeague: MessageBody, Hashable {
    public static let messageType = MessageType.startLeague
    public var playerCount: Int
    public var gameType: String
    /// Seeds every match's draw; the manager picks one when absent and reports it.
    public var seed: UInt64?
    /// How players are paired; round robin when absent.
    public var format: LeagueFormat?
    /// Swiss: the number of rounds (required for Swiss, refused for every other format).
    public var rounds: Int?
    /// Gauntlet: the display name of the player who meets everyone else; the first in name order when absent.
    public var gauntletPlayer: String?
    /// Passed to the referees untouched, e.g. `{"best_of": 5}` for Rock-Paper-Scissors.
    public var gameOptions: GameOptions?

    public init(
        playerCount: Int, gameType: String = evenOddGameType, seed: UInt64? = nil, format: LeagueFormat? = nil, rounds: Int? = nil,
        gauntletPlayer: String? = nil, gameOptions: GameOptions? = nil
    ) {
        self.playerCount = playerCount
        self.gameType = gameType
        self.seed = seed
        self.format = format
        self.rounds = rounds
        self.gauntletPlayer = gauntletPlayer
        self.gameOptions = gameOptions
    }

    enum CodingKeys: String, CodingKey {
        case playerCount = "player_count", gameType = "game_type", seed, format, rounds, gauntletPlayer = "gauntlet_player"
        case gameOptions = "game_options"
    }
}

/// START_LEAGUE_RESPONSE (ours).
public struct StartLeagueResponse: MessageBody, Hashable {
    public static let messageType = MessageType.startLeagueResponse
    public var status: RequestStatus
    public var leagueID: String?
    public var playerCount: Int
    public var seed: UInt64?
    public var reason: String?

    public init(status: RequestStatus, leagueID: String?, playerCount: Int, seed: UInt64?, reason: String? = nil) {
        self.status = status
        self.leagueID = leagueID
        self.playerCount = playerCount
        self.seed = seed
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case status, leagueID = "league_id", playerCount = "player_count", seed, reason
    }
}
