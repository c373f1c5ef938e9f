/// LEAGUE_ERROR: the manager's answer to a message it will not act on.
public struct LeagueError: MessageBody, Hashable {
    public static let messageType = MessageType.leagueError
    public var errorCode: ErrorCode
    public var errorName: String
    public var errorDescription: String
    /// The type frame of the offending message, when it could be read.
    public var originalMessageType: String?
    public var context: [String: String]?

    public init(_ error: ProtocolError, originalMessageType: String?, context: [String: String]? = nil) {
        errorCode = error.code
        errorName = error.code.name
        errorDescription = error.detail
        self.originalMessageType = originalMessageType
        self.context = context
    }

    enum CodingKeys: String, CodingKey {
        case errorCode = "error_code", errorName = "error_name", errorDescription = "error_description"
        case originalMessageType = "original_message_type", context
    }
}

/// GAME_ERROR: a referee tells a player what was wrong with its message and what follows.
public struct GameError: MessageBody, Hashable {
    public static let messageType = MessageType.gameError
    public var matchID: String
    public var errorCode: ErrorCode
    public var errorName: String
    public var errorDescription: String
    public var affectedPlayer: String
    public var actionRequired: String?
    public var consequence: String?

    public init(matchID: String, error: ProtocolError, affectedPlayer: String, actionRequired: String? = nil, consequence: String? = nil) {
        self.matchID = matchID
        errorCode = error.code
        errorName = error.code.name
        errorDescription = error.detail
        self.affectedPlayer = affectedPlayer
        self.actionRequired = actionRequired
        self.consequence = consequence
    }

    enum CodingKeys: String, CodingKey {
        case matchID = "match_id", errorCode = "error_code", errorName = "error_name"
        case errorDescription = "error_description", affectedPlayer = "affected_player"
        case actionRequired = "action_required", consequence
    }
}
