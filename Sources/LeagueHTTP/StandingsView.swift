import LeagueProtocol

/// The body of `GET /api/leagues/{id}/standings`.
public struct StandingsView: Codable, Sendable, Hashable {
    /// The league's id.
    public var leagueID: String
    /// The league's status.
    public var status: LeagueReport.Status
    /// Rounds whose every match has finished.
    public var roundsCompleted: Int
    /// Rounds in the schedule.
    public var roundsTotal: Int
    /// Matches finished.
    public var matchesCompleted: Int
    /// Matches in the schedule.
    public var matchesTotal: Int
    /// Ordered by rank.
    public var standings: [LeagueReport.Standing]

    /// The table of `report`.
    public init(_ report: LeagueReport) {
        leagueID = report.leagueID
        status = report.status
        roundsCompleted = report.roundsCompleted
        roundsTotal = report.roundsTotal
        matchesCompleted = report.matchesCompleted
        matchesTotal = report.matchesTotal
        standings = report.standings
    }

    enum CodingKeys: String, CodingKey {
        case leagueID = "league_id", status, roundsCompleted = "rounds_completed", roundsTotal = "rounds_total"
        case matchesCompleted = "matches_completed", matchesTotal = "matches_total", standings
    }
}
