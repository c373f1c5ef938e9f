import LeagueAgent
import LeagueGames
import LeagueProtocol

/// A referee's settings. Every deadline is configurable; league.v2's defaults are 5 s to join, 30 s per move.
public struct RefereeConfiguration: Sendable, Hashable {
    public var name: String
    /// How many matches this referee runs at once (announced to the manager).
    public var maxMatches: Int
    public var joinTimeoutMilliseconds: Int
    /// How long a player has to answer each move request (Even/Odd: the parity call).
    public var moveTimeoutMilliseconds: Int
    /// How often an unacknowledged MATCH_RESULT_REPORT is sent again.
    public var retryIntervalMilliseconds: Int
    /// Heartbeats to the manager and reconnect backoff.
    public var link: ManagerLink.Policy
    /// The games this referee runs and declares in `game_types`; those its catalog does not know are left out.
    public var games: [GameType]

    public init(
        name: String = "REF01", maxMatches: Int = 4, joinTimeoutMilliseconds: Int = 5_000, moveTimeoutMilliseconds: Int = 30_000,
        retryIntervalMilliseconds: Int = 1_000, link: ManagerLink.Policy = ManagerLink.Policy(),
        games: [GameType] = GameCatalog.builtIn.types
    ) {
        self.games = games
        self.name = name
        self.maxMatches = maxMatches
        self.joinTimeoutMilliseconds = joinTimeoutMilliseconds
        self.moveTimeoutMilliseconds = moveTimeoutMilliseconds
        self.retryIntervalMilliseconds = retryIntervalMilliseconds
        self.link = link
    }
}
