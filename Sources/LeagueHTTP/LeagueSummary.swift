import LeagueProtocol

/// A league as `GET /api/leagues` lists it: its progress, without the matches and the table.
public struct LeagueSummary: Codable, Sendable, Hashable {
    /// The league's id, e.g. `league-1`.
    public var leagueID: String
    /// `waiting`, `running` or `completed`.
    public var status: LeagueReport.Status
    /// The game (`even_odd`, `rps`, …).
    public var gameType: String
    /// How players are paired (round robin for a manager that predates formats).
    public var format: LeagueFormat
    /// While waiting: why the league has not started yet.
    public var waitingReason: String?
    /// Players in the league (0 while it waits).
    public var playerCount: Int
    /// Rounds in the schedule.
    public var roundsTotal: Int
    /// Rounds whose every match has finished.
    public var roundsCompleted: Int
    /// Matches in the schedule.
    public var matchesTotal: Int
    /// Matches finished.
    public var matchesCompleted: Int
    /// Matches leased to a referee and not finished.
    public var matchesRunning: Int
    /// The player on top of the table (id), once a match has been played.
    public var leader: String?
    /// The league's seed, once the league has completed.
    public var seed: UInt64?

    /// The summary of `report`.
    public init(_ report: LeagueReport) {
        leagueID = report.leagueID
        status = report.status
        gameType = report.gameType
        format = report.format ?? .roundRobin
        waitingReason = report.waitingReason
        playerCount = report.playerCount
        roundsTotal = report.roundsTotal
        roundsCompleted = report.roundsCompleted
        matchesTotal = report.matchesTotal
        matchesCompleted = report.matchesCompleted
        matchesRunning = report.matches.reduce(0) { $0 + ($1.status == "running" ? 1 : 0) }
        leader = report.standings.first(where: { $0.played > 0 }).map(\.playerID)
        seed = report.seed
    }

    enum CodingKeys: String, CodingKey {
        case leagueID = "league_id", status, gameType = "game_type", format, waitingReason = "waiting_reason", playerCount = "player_count",
            roundsTotal = "rounds_total"
        case roundsCompleted = "rounds_completed", matchesTotal = "matches_total", matchesCompleted = "matches_completed"
        case matchesRunning = "matches_running", leader, seed
    }

    /// Encodes `leader` as `null` rather than leaving it out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(leagueID, forKey: .leagueID)
        try container.encode(status, forKey: .status)
        try container.encode(gameType, forKey: .gameType)
        try container.encode(format, forKey: .format)
        try container.encodeIfPresent(waitingReason, forKey: .waitingReason)
        try container.encode(playerCount, forKey: .playerCount)
        try container.encode(roundsTotal, forKey: .roundsTotal)
        try container.encode(roundsCompleted, forKey: .roundsCompleted)
        try container.encode(matchesTotal, forKey: .matchesTotal)
        try container.encode(matchesCompleted, forKey: .matchesCompleted)
        try container.encode(matchesRunning, forKey: .matchesRunning)
        try container.encode(leader, forKey: .leader)  // null until a match is played: always present
        try container.encodeIfPresent(seed, forKey: .seed)
    }
}

/// The body of `GET /api/leagues`.
public struct LeagueList: Codable, Sendable, Hashable {
    /// Oldest first.
    public var leagues: [LeagueSummary]
}
