/// Something that happened in a manager, for live views (the dashboard's event stream).
public struct LeagueEvent: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, Hashable {
        case leagueStarted = "league_started"
        case matchStarted = "match_started"
        case matchFinished = "match_finished"
        case standingsChanged = "standings_changed"
        case leagueCompleted = "league_completed"
        case agentJoined = "agent_joined"
        case agentLeft = "agent_left"
    }

    public var kind: Kind
    /// ISO-8601 UTC.
    public var timestamp: String
    public var leagueID: String?
    public var matchID: String?
    public var agentID: String?
    /// `player` or `referee`, for agent events.
    public var role: String?
    /// WIN, DRAW or TECHNICAL_LOSS, for finished matches.
    public var result: GameResultStatus?
    public var winner: String?
    /// Milliseconds from lease to result, for finished matches.
    public var durationMilliseconds: Double?
    /// The round the standings are after, and the table, for standings events.
    public var round: Int?
    public var standings: [StandingRow]?
    /// Free text: why an agent left, who the referee is.
    public var detail: String?

    public init(
        kind: Kind, leagueID: String? = nil, matchID: String? = nil, agentID: String? = nil, role: String? = nil,
        result: GameResultStatus? = nil,
        winner: String? = nil, durationMilliseconds: Double? = nil, round: Int? = nil, standings: [StandingRow]? = nil,
        detail: String? = nil
    ) {
        self.kind = kind
        timestamp = Timestamp.now()
        self.leagueID = leagueID
        self.matchID = matchID
        self.agentID = agentID
        self.role = role
        self.result = result
        self.winner = winner
        self.durationMilliseconds = durationMilliseconds
        self.round = round
        self.standings = standings
        self.detail = detail
    }

    enum CodingKeys: String, CodingKey {
        case kind = "type", timestamp, leagueID = "league_id", matchID = "match_id", agentID = "agent_id", role, result, winner
        case durationMilliseconds = "duration_ms", round, standings, detail
    }
}

/// An agent as a live view shows it.
public struct AgentStatus: Codable, Sendable, Hashable {
    public var id: String
    public var role: String
    public var name: String
    public var connected: Bool
    /// Milliseconds since the manager last heard from it.
    public var lastHeartbeatAgeMilliseconds: Int
    public var leagueID: String?
    public var activeMatch: String?

    public init(
        id: String, role: String, name: String, connected: Bool, lastHeartbeatAgeMilliseconds: Int, leagueID: String?, activeMatch: String?
    ) {
        self.id = id
        self.role = role
        self.name = name
        self.connected = connected
        self.lastHeartbeatAgeMilliseconds = lastHeartbeatAgeMilliseconds
        self.leagueID = leagueID
        self.activeMatch = activeMatch
    }

    enum CodingKeys: String, CodingKey {
        case id, role, name, connected, lastHeartbeatAgeMilliseconds = "last_heartbeat_age_ms", leagueID = "league_id"
        case activeMatch = "active_match"
    }
}

/// A consistent picture of a manager at one moment, published by its loop for readers on other threads
/// (the HTTP API): every league's report, the agents, the counters.
public struct ManagerSnapshot: Sendable, Hashable {
    public var leagues: [LeagueReport]
    public var agents: [AgentStatus]
    public var stats: ManagerStats
    /// Matches leased and not finished.
    public var inflightMatches: Int
    /// When the snapshot was taken (monotonic ns).
    public var takenAt: UInt64

    public init(
        leagues: [LeagueReport] = [], agents: [AgentStatus] = [], stats: ManagerStats = ManagerStats(), inflightMatches: Int = 0,
        takenAt: UInt64 = 0
    ) {
        self.leagues = leagues
        self.agents = agents
        self.stats = stats
        self.inflightMatches = inflightMatches
        self.takenAt = takenAt
    }
}
