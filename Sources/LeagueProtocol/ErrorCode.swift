/// Error codes carried in LEAGUE_ERROR and GAME_ERROR. E001–E021 are league.v2's; E1xx are ours.
public enum ErrorCode: String, Sendable, Hashable, CaseIterable, Codable, CodingKeyRepresentable {
    case timeout = "E001"
    case missingRequiredField = "E003"
    case invalidParityChoice = "E004"
    case playerNotRegistered = "E005"
    case connectionError = "E009"
    case authTokenMissing = "E011"
    case authTokenInvalid = "E012"
    case protocolVersionMismatch = "E018"
    case invalidTimestamp = "E021"
    /// Ours: the frames are not `[protocol, type, peer, token, body]`.
    case malformedFrames = "E100"
    /// Ours: the body is not valid JSON.
    case invalidJSON = "E101"
    /// Ours: the type frame names no known message, or one the receiver does not accept.
    case unknownMessageType = "E102"
    /// Ours: the sender and the addressed agent do not share a match in progress.
    case notInMatch = "E103"
    /// Ours: no match with that id is held here.
    case matchNotFound = "E104"
    /// Ours: a field is present but its value is wrong (type, range, or disagreement with the frames).
    case invalidFieldValue = "E105"
    /// Ours: no league with that id.
    case leagueNotFound = "E106"
    /// Ours: the message is larger than the receiver accepts.
    case messageTooLarge = "E107"
    /// Ours: the result repeats one already recorded, or comes from a referee that does not hold the match.
    case resultRejected = "E108"
    /// Ours: the request cannot be served in the current state (e.g. not enough referees).
    case invalidState = "E109"
    /// Ours: the manager could not write to its store; the message was not acted on and may be sent again.
    case storageError = "E110"
    /// Ours: the move is not one the game allows now (MOVE_RESPONSE; Even/Odd keeps E004).
    case invalidMove = "E111"

    /// The upper-snake-case name used in logs and docs.
    public var name: String {
        switch self {
        case .timeout: "TIMEOUT_ERROR"
        case .missingRequiredField: "MISSING_REQUIRED_FIELD"
        case .invalidParityChoice: "INVALID_PARITY_CHOICE"
        case .playerNotRegistered: "PLAYER_NOT_REGISTERED"
        case .connectionError: "CONNECTION_ERROR"
        case .authTokenMissing: "AUTH_TOKEN_MISSING"
        case .authTokenInvalid: "AUTH_TOKEN_INVALID"
        case .protocolVersionMismatch: "PROTOCOL_VERSION_MISMATCH"
        case .invalidTimestamp: "INVALID_TIMESTAMP"
        case .malformedFrames: "MALFORMED_FRAMES"
        case .invalidJSON: "INVALID_JSON"
        case .unknownMessageType: "UNKNOWN_MESSAGE_TYPE"
        case .notInMatch: "NOT_IN_MATCH"
        case .matchNotFound: "MATCH_NOT_FOUND"
        case .invalidFieldValue: "INVALID_FIELD_VALUE"
        case .leagueNotFound: "LEAGUE_NOT_FOUND"
        case .messageTooLarge: "MESSAGE_TOO_LARGE"
        case .resultRejected: "RESULT_REJECTED"
        case .invalidState: "INVALID_STATE"
        case .storageError: "STORAGE_ERROR"
        case .invalidMove: "INVALID_MOVE"
        }
    }
}

/// A message broke the protocol; ``code`` says how, ``detail`` says where.
public struct ProtocolError: Error, Sendable, Hashable, CustomStringConvertible {
    public let code: ErrorCode
    public let detail: String

    public init(_ code: ErrorCode, _ detail: String) {
        self.code = code
        self.detail = detail
    }

    public var description: String { "\(code.rawValue) \(code.name): \(detail)" }
}
