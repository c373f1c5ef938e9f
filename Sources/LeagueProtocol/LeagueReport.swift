/// A whole league as operators see it: GET_LEAGUE's data and the `--json` output of `league start` and
/// `league demo`.
public struct LeagueReport: Codable, Sendable, Hashable {
    /// `waiting` (for players), `running` or `completed`.
    public enum Status: String, Codable, Sendable, Hashable {
        case waiting, running, completed
    }

    public struct Match: Codable, Sendable, Hashable {
        public var matchID: String
        public var round: Int
        public var playerA: String
        public var playerB: String
        public var status: MatchStatus
        public var refereeID: String?
        /// WIN, DRAW or TECHNICAL_LOSS once finished.
        public var result: GameResultStatus?
        public var winner: String?
        public var drawnNumber: Int?
        public var choices: [String: String]?
        /// The match's seed, once it has finished.
        public var seed: UInt64?
        public var reason: String?

        public init(
            matchID: String, round: Int, playerA: String, playerB: String, status: MatchStatus, refereeID: String?,
            result: GameResultStatus?,
            winner: String?, drawnNumber: Int?, choices: [String: String]?, seed: UInt64?, reason: String?
        ) {
            self.matchID = matchID
            self.round = round
            self.playerA = playerA
            self.playerB = playerB
            self.status = status
            self.refereeID = refereeID
            self.result = result
            self.winner = winner
            self.drawnNumber = drawnNumber
            self.choices = choices
            self.seed = seed
            self.reason = reason
        }

        enum CodingKeys: String, CodingKey {
            case matchID = "match_id", round, playerA = "player_a", playerB = "player_b", status
            case refereeID = "referee_id", result, winner, drawnNumber = "drawn_number", choices, seed, reason
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(matchID, forKey: .matchID)
            try container.encode(round, forKey: .round)
            try container.encode(playerA, forKey: .playerA)
            try container.encode(playerB, forKey: .playerB)
            try container.encode(status, forKey: .status)
            try container.encode(refereeID, forKey: .refereeID)
            try container.encode(result, forKey: .result)  // null until finished: always present
            try container.encode(winner, forKey: .winner)
            try container.encode(drawnNumber, forKey: .drawnNumber)
            try container.encodeIfPresent(choices, forKey: .choices)
            try container.encodeIfPresent(seed, forKey: .seed)
            try container.encodeIfPresent(reason, forKey: .reason)
        }
    }

    public struct Standing: Codable, Sendable, Hashable {
        public var rank: Int
        public var playerID: String
        public var name: String
        public var played: Int
        public var wins: Int
        public var draws: Int
        public var losses: Int
        public var points: Int
        /// Swiss byes received; absent when none.
        public var byes: Int?

        public init(_ row: StandingRow) {
            byes = row.byes
            rank = row.rank
            playerID = row.playerID
            name = row.displayName
            played = row.played
            wins = row.wins
            draws = row.draws
            losses = row.losses
            points = row.points
        }

        enum CodingKeys: String, CodingKey {
            case rank, playerID = "player_id", name, played, wins, draws, losses, points, byes
        }
    }

    public var leagueID: String
    public var status: Status
    public var gameType: String
    /// How players are paired (absent in reports of older managers: round robin).
    public var format: LeagueFormat?
    /// While waiting: why the league has not started yet (too few free players of its game, no referee
    /// that runs it).
    public var waitingReason: String?
    /// The league's seed, once the league has completed (it would let anyone predict the draws before).
    public var seed: UInt64?
    public var playerCount: Int
    public var roundsTotal: Int
    public var roundsCompleted: Int
    public var matchesTotal: Int
    public var matchesCompleted: Int
    public var matches: [Match]
    public var standings: [Standing]

    public init(
        leagueID: String, status: Status, gameType: String, seed: UInt64?, playerCount: Int, roundsTotal: Int, roundsCompleted: Int,
        matchesTotal: Int, matchesCompleted: Int, matches: [Match], standings: [Standing], format: LeagueFormat? = nil,
        waitingReason: String? = nil
    ) {
        self.leagueID = leagueID
        self.status = status
        self.gameType = gameType
        self.format = format
        self.waitingReason = waitingReason
        self.seed = seed
        self.playerCount = playerCount
        self.roundsTotal = roundsTotal
        self.roundsCompleted = roundsCompleted
        self.matchesTotal = matchesTotal
        self.matchesCompleted = matchesCompleted
        self.matches = matches
        self.standings = standings
    }

    enum CodingKeys: String, CodingKey {
        case leagueID = "league_id", status, gameType = "game_type", format, waitingReason = "waiting_reason", seed
        case playerCount = "player_count"
        case roundsTotal = "rounds_total", roundsCompleted = "rounds_completed", matchesTotal = "matches_total"
        case matchesCompleted = "matches_completed", matches, standings
    }
}

extension LeagueReport.Match {
    /// A scheduled match with whatever its result says (nothing while unfinished); the seed only once finished.
    public init(
        matchID: String, round: Int, playerA: String, playerB: String, status: MatchStatus, refereeID: String?,
        result: MatchResultReport.Result?, seed: UInt64
    ) {
        self.init(
            matchID: matchID, round: round, playerA: playerA, playerB: playerB, status: status, refereeID: refereeID,
            result: result?.details.status, winner: result?.winner, drawnNumber: result?.details.drawnNumber,
            choices: result?.details.choices, seed: status == .finished ? seed : nil, reason: result?.details.reason)
    }
}
