/// MATCH_ASSIGNMENT (ours): the manager leases one match to a referee.
public struct MatchAssignment: MessageBody, Hashable {
    public static let messageType = MessageType.matchAssignment
    public var leagueID: String
    public var roundID: Int
    public var matchID: String
    public var gameType: String
    public var playerAID: String
    public var playerBID: String
    /// Seeds the referee's draw; recorded with the result so the match can be replayed.
    public var seed: UInt64
    /// Which lease of this match this is (1 for the first; a match re-leased after a failure gets the next
    /// number). The result must carry it; results of older leases are rejected.
    public var leaseID: Int
    /// Each player's record before this match, for CHOOSE_PARITY_CALL's `your_standings`.
    public var playerAStandings: RecordSummary
    public var playerBStandings: RecordSummary
    /// Ours, optional: the league's game options (`{"best_of": 5}`), for the game's `init(options:)`.
    /// A referee that cannot play the game with them declines the assignment.
    public var gameOptions: GameOptions?

    public init(
        leagueID: String, roundID: Int, matchID: String, gameType: String = evenOddGameType, playerAID: String,
        playerBID: String, seed: UInt64, leaseID: Int = 1, playerAStandings: RecordSummary = .init(),
        playerBStandings: RecordSummary = .init(), gameOptions: GameOptions? = nil
    ) {
        self.gameOptions = gameOptions
        self.leagueID = leagueID
        self.roundID = roundID
        self.matchID = matchID
        self.gameType = gameType
        self.playerAID = playerAID
        self.playerBID = playerBID
        self.seed = seed
        self.leaseID = leaseID
        self.playerAStandings = playerAStandings
        self.playerBStandings = playerBStandings
    }

    enum CodingKeys: String, CodingKey {
        case leagueID = "league_id", roundID = "round_id", matchID = "match_id", gameType = "game_type"
        case playerAID = "player_A_id", playerBID = "player_B_id", seed, leaseID = "lease_id"
        case playerAStandings = "player_A_standings", playerBStandings = "player_B_standings", gameOptions = "game_options"
    }
}

/// MATCH_RESULT_REPORT: referee → manager, resent until MATCH_RESULT_ACK arrives.
public struct MatchResultReport: MessageBody, Hashable {
    public static let messageType = MessageType.matchResultReport

    public struct Details: Codable, Sendable, Hashable {
        public var status: GameResultStatus
        public var drawnNumber: Int?
        public var choices: [String: String]
        public var seed: UInt64
        public var reason: String
        /// The player(s) who lost technically, if any.
        public var technicalLosers: [String]
        /// Ours, games other than Even/Odd: every move played, in order (with the seed, enough to replay the match).
        public var moves: [MoveRecord]?
        /// Ours, games other than Even/Odd: player id → game points (throws won, say); `result.score` stays 3/1/0.
        public var gameScore: [String: Int]?

        public init(
            status: GameResultStatus, drawnNumber: Int?, choices: [String: String], seed: UInt64, reason: String,
            technicalLosers: [String] = [], moves: [MoveRecord]? = nil, gameScore: [String: Int]? = nil
        ) {
            self.status = status
            self.drawnNumber = drawnNumber
            self.choices = choices
            self.seed = seed
            self.reason = reason
            self.technicalLosers = technicalLosers
            self.moves = moves
            self.gameScore = gameScore
        }

        enum CodingKeys: String, CodingKey {
            case status, drawnNumber = "drawn_number", choices, seed, reason, technicalLosers = "technical_losers", moves
            case gameScore = "game_score"
        }
    }

    public struct Result: Codable, Sendable, Hashable {
        /// The winner's id, or `nil` for a draw or a double technical loss.
        public var winner: String?
        /// Points per player id.
        public var score: [String: Int]
        public var details: Details

        public init(winner: String?, score: [String: Int], details: Details) {
            self.winner = winner
            self.score = score
            self.details = details
        }
    }

    public var leagueID: String
    public var roundID: Int
    public var matchID: String
    public var gameType: String
    /// The lease the referee ran the match under (ours); without it the manager takes the current lease.
    public var leaseID: Int?
    public var result: Result

    public init(leagueID: String, roundID: Int, matchID: String, gameType: String = evenOddGameType, leaseID: Int? = nil, result: Result) {
        self.leagueID = leagueID
        self.roundID = roundID
        self.matchID = matchID
        self.gameType = gameType
        self.leaseID = leaseID
        self.result = result
    }

    enum CodingKeys: String, CodingKey {
        case leagueID = "league_id", roundID = "round_id", matchID = "match_id", gameType = "game_type"
        case leaseID = "lease_id", result
    }
}

/// MATCH_RESULT_ACK (ours): the manager has recorded (or already had) the result.
public struct MatchResultAck: MessageBody, Hashable {
    public static let messageType = MessageType.matchResultAck
    public var leagueID: String
    public var matchID: String
    public var leaseID: Int?
    public var status: RequestStatus
    public var reason: String?

    public init(leagueID: String, matchID: String, leaseID: Int? = nil, status: RequestStatus, reason: String? = nil) {
        self.leagueID = leagueID
        self.matchID = matchID
        self.leaseID = leaseID
        self.status = status
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case leagueID = "league_id", matchID = "match_id", leaseID = "lease_id", status, reason
    }
}

/// MATCH_ASSIGNMENT_ACK (ours): the referee took the lease (or declined it: while shutting down, or for a
/// game it cannot play). The manager resends MATCH_ASSIGNMENT with exponential backoff until this arrives.
public struct MatchAssignmentAck: MessageBody, Hashable {
    public static let messageType = MessageType.matchAssignmentAck
    public var leagueID: String
    public var matchID: String
    public var leaseID: Int
    public var accepted: Bool
    /// Ours, optional: why the referee declined.
    public var reason: String?

    public init(leagueID: String, matchID: String, leaseID: Int, accepted: Bool, reason: String? = nil) {
        self.leagueID = leagueID
        self.matchID = matchID
        self.leaseID = leaseID
        self.accepted = accepted
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey { case leagueID = "league_id", matchID = "match_id", leaseID = "lease_id", accepted, reason }
}

/// A lease a referee still holds a result for, announced when it registers again.
public struct HeldLease: Codable, Sendable, Hashable {
    public var leagueID: String
    public var matchID: String
    public var leaseID: Int

    public init(leagueID: String, matchID: String, leaseID: Int) {
        self.leagueID = leagueID
        self.matchID = matchID
        self.leaseID = leaseID
    }

    enum CodingKeys: String, CodingKey { case leagueID = "league_id", matchID = "match_id", leaseID = "lease_id" }
}

extension MatchResultReport.Result {
    /// A technical loss decided without playing (players who stayed away): each loser scores 0, the other
    /// player, if any, wins with 3.
    public static func technicalLoss(playerA: String, playerB: String, losers: [String], seed: UInt64, reason: String) -> Self {
        let winner = losers.count == 1 ? (losers[0] == playerA ? playerB : playerA) : nil
        return Self(
            winner: winner, score: [playerA: winner == playerA ? 3 : 0, playerB: winner == playerB ? 3 : 0],
            details: .init(status: .technicalLoss, drawnNumber: nil, choices: [:], seed: seed, reason: reason, technicalLosers: losers))
    }
}
