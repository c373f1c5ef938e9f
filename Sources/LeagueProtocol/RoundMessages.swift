/// One row of a league table as league.v2 sends it.
public struct StandingRow: Codable, Sendable, Hashable {
    public var rank: Int
    public var playerID: String
    public var displayName: String
    public var played: Int
    public var wins: Int
    public var draws: Int
    public var losses: Int
    public var points: Int
    /// Swiss byes received (each scores 3 points like a win, without a match); absent when none.
    public var byes: Int?

    public init(
        rank: Int, playerID: String, displayName: String, played: Int, wins: Int, draws: Int, losses: Int, points: Int, byes: Int? = nil
    ) {
        self.rank = rank
        self.playerID = playerID
        self.displayName = displayName
        self.played = played
        self.wins = wins
        self.draws = draws
        self.losses = losses
        self.points = points
        self.byes = byes
    }

    enum CodingKeys: String, CodingKey {
        case rank, playerID = "player_id", displayName = "display_name", played, wins, draws, losses, points, byes
    }
}

/// One scheduled match, as announced.
public struct ScheduledMatch: Codable, Sendable, Hashable {
    public var matchID: String
    public var gameType: String
    public var playerAID: String
    public var playerBID: String

    public init(matchID: String, gameType: String = evenOddGameType, playerAID: String, playerBID: String) {
        self.matchID = matchID
        self.gameType = gameType
        self.playerAID = playerAID
        self.playerBID = playerBID
    }

    enum CodingKeys: String, CodingKey {
        case matchID = "match_id", gameType = "game_type", playerAID = "player_A_id", playerBID = "player_B_id"
    }
}

/// ROUND_ANNOUNCEMENT: manager → the league's players, before the round's first match starts.
public struct RoundAnnouncement: MessageBody, Hashable {
    public static let messageType = MessageType.roundAnnouncement
    public var leagueID: String
    public var roundID: Int
    public var matches: [ScheduledMatch]

    public init(leagueID: String, roundID: Int, matches: [ScheduledMatch]) {
        self.leagueID = leagueID
        self.roundID = roundID
        self.matches = matches
    }

    enum CodingKeys: String, CodingKey { case leagueID = "league_id", roundID = "round_id", matches }
}

/// LEAGUE_STANDINGS_UPDATE: manager → players, after each round.
public struct LeagueStandingsUpdate: MessageBody, Hashable {
    public static let messageType = MessageType.leagueStandingsUpdate
    public var leagueID: String
    public var roundID: Int
    public var standings: [StandingRow]

    public init(leagueID: String, roundID: Int, standings: [StandingRow]) {
        self.leagueID = leagueID
        self.roundID = roundID
        self.standings = standings
    }

    enum CodingKeys: String, CodingKey { case leagueID = "league_id", roundID = "round_id", standings }
}

/// ROUND_COMPLETED: manager → players (and watching operators), when the round's last match is done.
public struct RoundCompleted: MessageBody, Hashable {
    public static let messageType = MessageType.roundCompleted

    public struct Summary: Codable, Sendable, Hashable {
        public var totalMatches: Int
        public var wins: Int
        public var draws: Int
        public var technicalLosses: Int
        public init(totalMatches: Int, wins: Int, draws: Int, technicalLosses: Int) {
            self.totalMatches = totalMatches
            self.wins = wins
            self.draws = draws
            self.technicalLosses = technicalLosses
        }
        enum CodingKeys: String, CodingKey {
            case totalMatches = "total_matches", wins, draws, technicalLosses = "technical_losses"
        }
    }

    public var leagueID: String
    public var roundID: Int
    public var totalRounds: Int
    public var matchesCompleted: Int
    public var nextRoundID: Int?
    public var summary: Summary

    public init(leagueID: String, roundID: Int, totalRounds: Int, matchesCompleted: Int, nextRoundID: Int?, summary: Summary) {
        self.leagueID = leagueID
        self.roundID = roundID
        self.totalRounds = totalRounds
        self.matchesCompleted = matchesCompleted
        self.nextRoundID = nextRoundID
        self.summary = summary
    }

    enum CodingKeys: String, CodingKey {
        case leagueID = "league_id", roundID = "round_id", totalRounds = "total_rounds"
        case matchesCompleted = "matches_completed", nextRoundID = "next_round_id", summary
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(leagueID, forKey: .leagueID)
        try container.encode(roundID, forKey: .roundID)
        try container.encode(totalRounds, forKey: .totalRounds)
        try container.encode(matchesCompleted, forKey: .matchesCompleted)
        try container.encode(nextRoundID, forKey: .nextRoundID)  // league.v2 sends null on the last round
        try container.encode(summary, forKey: .summary)
    }
}

/// LEAGUE_COMPLETED: manager → every agent of the league and watching operators.
public struct LeagueCompleted: MessageBody, Hashable {
    public static let messageType = MessageType.leagueCompleted

    public struct Champion: Codable, Sendable, Hashable {
        public var playerID: String
        public var displayName: String
        public var points: Int
        public init(playerID: String, displayName: String, points: Int) {
            self.playerID = playerID
            self.displayName = displayName
            self.points = points
        }
        enum CodingKeys: String, CodingKey { case playerID = "player_id", displayName = "display_name", points }
    }

    public var leagueID: String
    public var totalRounds: Int
    public var totalMatches: Int
    public var champion: Champion?
    public var finalStandings: [StandingRow]

    public init(leagueID: String, totalRounds: Int, totalMatches: Int, champion: Champion?, finalStandings: [StandingRow]) {
        self.leagueID = leagueID
        self.totalRounds = totalRounds
        self.totalMatches = totalMatches
        self.champion = champion
        self.finalStandings = finalStandings
    }

    enum CodingKeys: String, CodingKey {
        case leagueID = "league_id", totalRounds = "total_rounds", totalMatches = "total_matches", champion
        case finalStandings = "final_standings"
    }
}
