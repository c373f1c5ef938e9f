/// What a LEAGUE_QUERY asks for.
public enum QueryType: String, Sendable, Codable, Hashable, CaseIterable {
    case standings = "GET_STANDINGS"
    case schedule = "GET_SCHEDULE"
    case nextMatch = "GET_NEXT_MATCH"
    case playerStats = "GET_PLAYER_STATS"
    /// Ours: the whole league report (status, matches, standings).
    case league = "GET_LEAGUE"
    /// Ours: one match's transcript (`query_params.match_id`).
    case match = "GET_MATCH"
    /// Ours: the manager's counters.
    case stats = "GET_STATS"
}

/// LEAGUE_QUERY: any agent or operator → manager.
public struct LeagueQuery: MessageBody, Hashable {
    public static let messageType = MessageType.leagueQuery

    public struct Parameters: Codable, Sendable, Hashable {
        /// The league; the most recently started one when absent.
        public var leagueID: String?
        /// For GET_NEXT_MATCH and GET_PLAYER_STATS; the asking player when absent.
        public var playerID: String?
        /// For GET_MATCH.
        public var matchID: String?
        public init(leagueID: String? = nil, playerID: String? = nil, matchID: String? = nil) {
            self.leagueID = leagueID
            self.playerID = playerID
            self.matchID = matchID
        }
        enum CodingKeys: String, CodingKey { case leagueID = "league_id", playerID = "player_id", matchID = "match_id" }
    }

    public var queryType: QueryType
    public var queryParams: Parameters?

    public init(queryType: QueryType, queryParams: Parameters? = nil) {
        self.queryType = queryType
        self.queryParams = queryParams
    }

    enum CodingKeys: String, CodingKey { case queryType = "query_type", queryParams = "query_params" }
}

/// LEAGUE_QUERY_RESPONSE; `Data` depends on the query type (see ``QueryData``).
public struct LeagueQueryResponse<Data: Codable & Sendable & Hashable>: MessageBody, Hashable {
    public static var messageType: MessageType { .leagueQueryResponse }
    public var queryType: QueryType
    public var success: Bool
    public var data: Data?
    public var error: String?

    public init(queryType: QueryType, success: Bool, data: Data?, error: String? = nil) {
        self.queryType = queryType
        self.success = success
        self.data = data
        self.error = error
    }

    enum CodingKeys: String, CodingKey { case queryType = "query_type", success, data, error }
}

/// The `data` shapes of LEAGUE_QUERY_RESPONSE.
public enum QueryData {
    /// GET_STANDINGS.
    public struct Standings: Codable, Sendable, Hashable {
        public var leagueID: String
        public var roundsCompleted: Int
        public var standings: [StandingRow]
        public init(leagueID: String, roundsCompleted: Int, standings: [StandingRow]) {
            self.leagueID = leagueID
            self.roundsCompleted = roundsCompleted
            self.standings = standings
        }
        enum CodingKeys: String, CodingKey {
            case leagueID = "league_id", roundsCompleted = "rounds_completed", standings
        }
    }

    /// GET_SCHEDULE.
    public struct Schedule: Codable, Sendable, Hashable {
        public struct Round: Codable, Sendable, Hashable {
            public var roundID: Int
            public var matches: [ScheduledMatch]
            public init(roundID: Int, matches: [ScheduledMatch]) {
                self.roundID = roundID
                self.matches = matches
            }
            enum CodingKeys: String, CodingKey { case roundID = "round_id", matches }
        }
        public var leagueID: String
        public var rounds: [Round]
        public init(leagueID: String, rounds: [Round]) {
            self.leagueID = leagueID
            self.rounds = rounds
        }
        enum CodingKeys: String, CodingKey { case leagueID = "league_id", rounds }
    }

    /// GET_NEXT_MATCH: the player's next unplayed match, or `null` data when none is left.
    public struct NextMatch: Codable, Sendable, Hashable {
        public var leagueID: String
        public var roundID: Int
        public var matchID: String
        public var opponentID: String
        public var status: MatchStatus
        public init(leagueID: String, roundID: Int, matchID: String, opponentID: String, status: MatchStatus) {
            self.leagueID = leagueID
            self.roundID = roundID
            self.matchID = matchID
            self.opponentID = opponentID
            self.status = status
        }
        enum CodingKeys: String, CodingKey {
            case leagueID = "league_id", roundID = "round_id", matchID = "match_id", opponentID = "opponent_id", status
        }
    }
}
