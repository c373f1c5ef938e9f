import LeagueProtocol

/// Why a ``LeagueClient`` request failed.
public enum LeagueClientError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No answer arrived in time; is a manager listening at the endpoint?
    case timeout(request: MessageType, endpoint: String)
    /// The manager answered with LEAGUE_ERROR.
    case rejected(code: ErrorCode, description: String)
    /// The manager answered with a message of the wrong type.
    case unexpectedReply(MessageType)
    /// The answer could not be decoded.
    case invalidReply(ProtocolError)
    /// The manager declined (a REJECTED status or `success: false`).
    case refused(String)
    /// The client was closed before the answer came.
    case closed

    public var description: String {
        switch self {
        case .timeout(let request, let endpoint): "no answer to \(request.rawValue) from \(endpoint): is a manager running there?"
        case .rejected(let code, let description): "manager rejected the request: \(code.rawValue) \(code.name): \(description)"
        case .unexpectedReply(let type): "unexpected reply \(type.rawValue)"
        case .invalidReply(let error): "invalid reply: \(error)"
        case .refused(let reason): "manager declined: \(reason)"
        case .closed: "the client was closed"
        }
    }
}
