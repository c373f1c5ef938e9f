/// Every message type on the wire: league.v2's vocabulary plus the few it lacks (marked "ours").
public enum MessageType: String, Sendable, Hashable, CaseIterable, Codable {
    case refereeRegisterRequest = "REFEREE_REGISTER_REQUEST"
    case refereeRegisterResponse = "REFEREE_REGISTER_RESPONSE"
    case leagueRegisterRequest = "LEAGUE_REGISTER_REQUEST"
    case leagueRegisterResponse = "LEAGUE_REGISTER_RESPONSE"
    case roundAnnouncement = "ROUND_ANNOUNCEMENT"
    case roundCompleted = "ROUND_COMPLETED"
    case leagueCompleted = "LEAGUE_COMPLETED"
    case gameInvitation = "GAME_INVITATION"
    case gameJoinAck = "GAME_JOIN_ACK"
    case chooseParityCall = "CHOOSE_PARITY_CALL"
    case chooseParityResponse = "CHOOSE_PARITY_RESPONSE"
    case gameOver = "GAME_OVER"
    case matchResultReport = "MATCH_RESULT_REPORT"
    case leagueStandingsUpdate = "LEAGUE_STANDINGS_UPDATE"
    case leagueError = "LEAGUE_ERROR"
    case gameError = "GAME_ERROR"
    case leagueQuery = "LEAGUE_QUERY"
    case leagueQueryResponse = "LEAGUE_QUERY_RESPONSE"
    /// Ours: an operator asks the manager to start a league.
    case startLeague = "START_LEAGUE"
    /// Ours: the manager's answer to START_LEAGUE.
    case startLeagueResponse = "START_LEAGUE_RESPONSE"
    /// Ours: the manager leases one match to a referee.
    case matchAssignment = "MATCH_ASSIGNMENT"
    /// Ours: the manager acknowledges a MATCH_RESULT_REPORT.
    case matchResultAck = "MATCH_RESULT_ACK"
    /// Ours: a referee accepts (or declines) a MATCH_ASSIGNMENT.
    case matchAssignmentAck = "MATCH_ASSIGNMENT_ACK"
    /// Ours: liveness, both ways, sent when a link has been idle for one heartbeat interval.
    case heartbeat = "HEARTBEAT"
    /// Ours: an agent is shutting down; the manager hands its work to others at once.
    case agentLeaving = "AGENT_LEAVING"
    /// Ours: a referee asks a player for a move in any game but Even/Odd.
    case moveRequest = "MOVE_REQUEST"
    /// Ours: a player's move, answering MOVE_REQUEST.
    case moveResponse = "MOVE_RESPONSE"

    /// Types a referee sends to a player through the manager.
    public static let refereeToPlayer: Set<MessageType> = [.gameInvitation, .chooseParityCall, .moveRequest, .gameOver, .gameError]
    /// Types a player sends to a referee through the manager.
    public static let playerToReferee: Set<MessageType> = [.gameJoinAck, .chooseParityResponse, .moveResponse]

    /// Whether the manager forwards this type between a referee and a player without decoding it.
    public var isRouted: Bool { Self.refereeToPlayer.contains(self) || Self.playerToReferee.contains(self) }

    private static let frames = Dictionary(uniqueKeysWithValues: allCases.map { ($0, Array($0.rawValue.utf8)) })
    private static let byFrame = Dictionary(uniqueKeysWithValues: allCases.map { (Array($0.rawValue.utf8), $0) })

    /// The type frame's bytes, made once per type (no allocation per message).
    public var frame: [UInt8] { Self.frames[self] ?? Array(rawValue.utf8) }

    /// The type a type frame names, looked up without building a string.
    public init?(frame: [UInt8]) {
        guard let type = Self.byFrame[frame] else { return nil }
        self = type
    }
}
