import LeagueProtocol

/// The body of `GET /api/leagues/{id}/matches`.
public struct MatchesView: Codable, Sendable, Hashable {
    /// The league's id.
    public var leagueID: String
    /// The league's status.
    public var status: LeagueReport.Status
    /// In schedule order, filtered by the request's `status` and `round` when given.
    public var matches: [LeagueReport.Match]

    /// The matches of `report` with `status` (`pending`, `running`, `finished`) in `round`, or all.
    public init(_ report: LeagueReport, status: String?, round: Int?) {
        leagueID = report.leagueID
        self.status = report.status
        matches = report.matches.filter { match in
            (status == nil || match.status.rawValue == status) && (round == nil || match.round == round)
        }
    }

    enum CodingKeys: String, CodingKey {
        case leagueID = "league_id", status, matches
    }
}
