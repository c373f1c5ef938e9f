/// MOVE_REQUEST (ours): referee → player, routed; how every game but Even/Odd asks for a move. A
/// simultaneous game asks both players at once, each with the view from its side; a sequential game asks
/// only the player on turn. Answered by MOVE_RESPONSE before `deadline`.
///
/// `View` is the game's view of the position (a JSON object); a player that does not know the game can
/// read everything else through ``MoveRequestHeader``.
public struct MoveRequest<View: Codable & Sendable>: MessageBody {
    public static var messageType: MessageType { .moveRequest }

    public var matchID: String
    /// The player being asked.
    public var playerID: String
    public var gameType: GameType
    /// The number of this request within the match, from 1; MOVE_RESPONSE repeats it.
    public var turn: Int
    /// The position as this player sees it.
    public var state: View
    /// The moves the rules allow now; anything else is refused.
    public var legalMoves: [String]
    /// ISO-8601 UTC: when the referee stops waiting.
    public var deadline: String
    public var roleInMatch: MatchRole

    public init(
        matchID: String, playerID: String, gameType: GameType, turn: Int, state: View, legalMoves: [String], deadline: String,
        roleInMatch: MatchRole
    ) {
        self.matchID = matchID
        self.playerID = playerID
        self.gameType = gameType
        self.turn = turn
        self.state = state
        self.legalMoves = legalMoves
        self.deadline = deadline
        self.roleInMatch = roleInMatch
    }

    enum CodingKeys: String, CodingKey {
        case matchID = "match_id", playerID = "player_id", gameType = "game_type", turn, state, legalMoves = "legal_moves", deadline
        case roleInMatch = "role_in_match"
    }
}

extension MoveRequest: Equatable where View: Equatable {}
extension MoveRequest: Hashable where View: Hashable {}

/// A MOVE_REQUEST read without its `state`: enough to tell which game and match it is for.
public struct MoveRequestHeader: MessageBody, Hashable {
    public static let messageType = MessageType.moveRequest
    public var matchID: String
    public var playerID: String
    public var gameType: GameType
    public var turn: Int
    public var legalMoves: [String]
    public var deadline: String
    public var roleInMatch: MatchRole

    public init(
        matchID: String, playerID: String, gameType: GameType, turn: Int, legalMoves: [String], deadline: String, roleInMatch: MatchRole
    ) {
        self.matchID = matchID
        self.playerID = playerID
        self.gameType = gameType
        self.turn = turn
        self.legalMoves = legalMoves
        self.deadline = deadline
        self.roleInMatch = roleInMatch
    }

    enum CodingKeys: String, CodingKey {
        case matchID = "match_id", playerID = "player_id", gameType = "game_type", turn, legalMoves = "legal_moves", deadline
        case roleInMatch = "role_in_match"
    }
}

/// MOVE_RESPONSE (ours): player → referee, routed, answering the MOVE_REQUEST of the same `turn`. `move` is
/// kept as text so a move the rules refuse earns a GAME_ERROR rather than a decoding error.
public struct MoveResponse: MessageBody, Hashable {
    public static let messageType = MessageType.moveResponse
    public var matchID: String
    public var playerID: String
    public var turn: Int
    public var move: String

    public init(matchID: String, playerID: String, turn: Int, move: String) {
        self.matchID = matchID
        self.playerID = playerID
        self.turn = turn
        self.move = move
    }

    enum CodingKeys: String, CodingKey { case matchID = "match_id", playerID = "player_id", turn, move }
}

/// One move of a finished match, as GAME_OVER and MATCH_RESULT_REPORT list them in play order.
public struct MoveRecord: Codable, Sendable, Hashable {
    public var playerID: String
    public var move: String

    public init(playerID: String, move: String) {
        self.playerID = playerID
        self.move = move
    }

    enum CodingKeys: String, CodingKey { case playerID = "player_id", move }
}
