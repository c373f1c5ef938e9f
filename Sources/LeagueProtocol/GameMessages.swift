/// The only game this release plays.
public let evenOddGameType = "even_odd"

/// A player's pick in Even/Odd: exactly `"even"` or `"odd"`.
public enum ParityChoice: String, Sendable, Codable, Hashable, CaseIterable {
    case even, odd

    /// The other parity.
    public var opposite: ParityChoice { self == .even ? .odd : .even }

    /// The parity of `number`.
    public init(of number: Int) { self = number % 2 == 0 ? .even : .odd }
}

/// `PLAYER_A` or `PLAYER_B`.
public enum MatchRole: String, Sendable, Codable, Hashable {
    case playerA = "PLAYER_A"
    case playerB = "PLAYER_B"
}

/// Wins, losses and draws so far, as CHOOSE_PARITY_CALL shows a player.
public struct RecordSummary: Codable, Sendable, Hashable {
    public var wins: Int
    public var losses: Int
    public var draws: Int
    public init(wins: Int = 0, losses: Int = 0, draws: Int = 0) {
        self.wins = wins
        self.losses = losses
        self.draws = draws
    }
}

/// GAME_INVITATION: referee → player, answered by GAME_JOIN_ACK within the join deadline.
public struct GameInvitation: MessageBody, Hashable {
    public static let messageType = MessageType.gameInvitation
    public var leagueID: String
    public var roundID: Int
    public var matchID: String
    public var gameType: String
    public var roleInMatch: MatchRole
    public var opponentID: String

    public init(
        leagueID: String, roundID: Int, matchID: String, gameType: String = evenOddGameType, roleInMatch: MatchRole, opponentID: String
    ) {
        self.leagueID = leagueID
        self.roundID = roundID
        self.matchID = matchID
        self.gameType = gameType
        self.roleInMatch = roleInMatch
        self.opponentID = opponentID
    }

    enum CodingKeys: String, CodingKey {
        case leagueID = "league_id", roundID = "round_id", matchID = "match_id", gameType = "game_type"
        case roleInMatch = "role_in_match", opponentID = "opponent_id"
    }
}

/// GAME_JOIN_ACK: player → referee. `accept: false` forfeits the match.
public struct GameJoinAck: MessageBody, Hashable {
    public static let messageType = MessageType.gameJoinAck
    public var matchID: String
    public var playerID: String
    public var arrivalTimestamp: String
    public var accept: Bool

    public init(matchID: String, playerID: String, arrivalTimestamp: String = Timestamp.now(), accept: Bool) {
        self.matchID = matchID
        self.playerID = playerID
        self.arrivalTimestamp = arrivalTimestamp
        self.accept = accept
    }

    enum CodingKeys: String, CodingKey {
        case matchID = "match_id", playerID = "player_id", arrivalTimestamp = "arrival_timestamp", accept
    }
}

/// CHOOSE_PARITY_CALL: referee → player, answered by CHOOSE_PARITY_RESPONSE before `deadline`.
public struct ChooseParityCall: MessageBody, Hashable {
    public static let messageType = MessageType.chooseParityCall

    public struct Context: Codable, Sendable, Hashable {
        public var opponentID: String
        public var roundID: Int
        public var yourStandings: RecordSummary
        public init(opponentID: String, roundID: Int, yourStandings: RecordSummary) {
            self.opponentID = opponentID
            self.roundID = roundID
            self.yourStandings = yourStandings
        }
        enum CodingKeys: String, CodingKey {
            case opponentID = "opponent_id", roundID = "round_id", yourStandings = "your_standings"
        }
    }

    public var matchID: String
    public var playerID: String
    public var gameType: String
    public var context: Context
    /// ISO-8601 UTC.
    public var deadline: String

    public init(matchID: String, playerID: String, gameType: String = evenOddGameType, context: Context, deadline: String) {
        self.matchID = matchID
        self.playerID = playerID
        self.gameType = gameType
        self.context = context
        self.deadline = deadline
    }

    enum CodingKeys: String, CodingKey {
        case matchID = "match_id", playerID = "player_id", gameType = "game_type", context, deadline
    }
}

/// CHOOSE_PARITY_RESPONSE: player → referee. `parity_choice` is kept as text so a wrong value earns E004.
public struct ChooseParityResponse: MessageBody, Hashable {
    public static let messageType = MessageType.chooseParityResponse
    public var matchID: String
    public var playerID: String
    public var parityChoice: String

    public init(matchID: String, playerID: String, parityChoice: String) {
        self.matchID = matchID
        self.playerID = playerID
        self.parityChoice = parityChoice
    }

    enum CodingKeys: String, CodingKey {
        case matchID = "match_id", playerID = "player_id", parityChoice = "parity_choice"
    }
}

/// How a match ended.
public enum GameResultStatus: String, Sendable, Codable, Hashable {
    case win = "WIN"
    case draw = "DRAW"
    case technicalLoss = "TECHNICAL_LOSS"
}

/// GAME_OVER: referee → both players, after the result is decided.
public struct GameOver: MessageBody, Hashable {
    public static let messageType = MessageType.gameOver

    public struct Result: Codable, Sendable, Hashable {
        public var status: GameResultStatus
        public var winnerPlayerID: String?
        public var drawnNumber: Int?
        public var numberParity: ParityChoice?
        /// Player id → the player's last valid move (Even/Odd: its choice).
        public var choices: [String: String]
        public var reason: String
        /// Ours, games other than Even/Odd: player id → game points (throws won, say).
        public var score: [String: Int]?
        /// Ours, games other than Even/Odd: every move played, in order.
        public var moves: [MoveRecord]?

        public init(
            status: GameResultStatus, winnerPlayerID: String?, drawnNumber: Int?, numberParity: ParityChoice?, choices: [String: String],
            reason: String, score: [String: Int]? = nil, moves: [MoveRecord]? = nil
        ) {
            self.status = status
            self.winnerPlayerID = winnerPlayerID
            self.drawnNumber = drawnNumber
            self.numberParity = numberParity
            self.choices = choices
            self.reason = reason
            self.score = score
            self.moves = moves
        }

        enum CodingKeys: String, CodingKey {
            case status, winnerPlayerID = "winner_player_id", drawnNumber = "drawn_number"
            case numberParity = "number_parity", choices, reason, score, moves
        }
    }

    public var matchID: String
    public var gameType: String
    public var gameResult: Result

    public init(matchID: String, gameType: String = evenOddGameType, gameResult: Result) {
        self.matchID = matchID
        self.gameType = gameType
        self.gameResult = gameResult
    }

    enum CodingKeys: String, CodingKey { case matchID = "match_id", gameType = "game_type", gameResult = "game_result" }
}
