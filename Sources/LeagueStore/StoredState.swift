import LeagueProtocol

/// A registered agent as stored.
public struct StoredAgent: Sendable, Hashable {
    public var role: AgentRole
    public var id: String
    public var name: String
    public var capacity: Int
    /// The games it declared when it last registered.
    public var games: [GameType]

    public init(role: AgentRole, id: String, name: String, capacity: Int, games: [GameType] = [.evenOdd]) {
        self.role = role
        self.id = id
        self.name = name
        self.capacity = capacity
        self.games = games
    }
}

/// A league as stored.
public struct StoredLeague: Sendable, Hashable {
    public var id: String
    public var gameType: String
    public var seed: UInt64
    public var requestedPlayers: Int
    public var status: LeagueReport.Status
    /// The players in schedule order (empty while waiting).
    public var players: [String]
    public var format: LeagueFormat
    /// Swiss rounds, the gauntlet runner's name, the game's options.
    public var rounds: Int?
    public var gauntletPlayer: String?
    public var gameOptions: GameOptions

    public init(
        id: String, gameType: String, seed: UInt64, requestedPlayers: Int, status: LeagueReport.Status, players: [String],
        format: LeagueFormat = .roundRobin, rounds: Int? = nil, gauntletPlayer: String? = nil, gameOptions: GameOptions = [:]
    ) {
        self.id = id
        self.gameType = gameType
        self.seed = seed
        self.requestedPlayers = requestedPlayers
        self.status = status
        self.players = players
        self.format = format
        self.rounds = rounds
        self.gauntletPlayer = gauntletPlayer
        self.gameOptions = gameOptions
    }
}

/// One scheduled match as stored.
public struct StoredMatch: Sendable, Hashable {
    public var leagueID: String
    public var index: Int
    public var matchID: String
    public var round: Int
    public var playerA: String
    public var playerB: String
    public var seed: UInt64
    /// The number of the latest lease (0: never leased).
    public var leaseID: Int
    /// The referee holding the current lease, if the match is running.
    public var refereeID: String?
    public var result: MatchResultReport.Result?

    public init(
        leagueID: String, index: Int, matchID: String, round: Int, playerA: String, playerB: String, seed: UInt64, leaseID: Int = 0,
        refereeID: String? = nil, result: MatchResultReport.Result? = nil
    ) {
        self.leagueID = leagueID
        self.index = index
        self.matchID = matchID
        self.round = round
        self.playerA = playerA
        self.playerB = playerB
        self.seed = seed
        self.leaseID = leaseID
        self.refereeID = refereeID
        self.result = result
    }
}

/// A finished match to record.
public struct StoredResult: Sendable, Hashable {
    public var leagueID: String
    public var matchID: String
    public var leaseID: Int
    /// `nil` when the manager decided the match itself (a forfeit).
    public var refereeID: String?
    public var result: MatchResultReport.Result
    public var transcript: MatchTranscript
    /// Whether the league is complete with this result.
    public var completesLeague: Bool

    public init(
        leagueID: String, matchID: String, leaseID: Int, refereeID: String?, result: MatchResultReport.Result, transcript: MatchTranscript,
        completesLeague: Bool
    ) {
        self.leagueID = leagueID
        self.matchID = matchID
        self.leaseID = leaseID
        self.refereeID = refereeID
        self.result = result
        self.transcript = transcript
        self.completesLeague = completesLeague
    }
}

/// Everything a store holds, in creation order.
public struct StoredState: Sendable, Hashable {
    public var agents: [StoredAgent]
    public var leagues: [StoredLeague]
    /// Each league's matches in schedule order.
    public var matches: [String: [StoredMatch]]

    public init(agents: [StoredAgent] = [], leagues: [StoredLeague] = [], matches: [String: [StoredMatch]] = [:]) {
        self.agents = agents
        self.leagues = leagues
        self.matches = matches
    }
}
