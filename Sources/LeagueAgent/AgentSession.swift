import LeagueProtocol

/// An agent's side of the conversation with the manager: who it is, its token, and how to address messages.
///
/// A value type owned by one service on its event-loop thread.
public struct AgentSession {
    /// `referee` or `player`.
    public let role: String
    /// The name the agent registered with.
    public let displayName: String
    /// The id the manager assigned, once registered.
    public private(set) var agentID: String?
    public private(set) var token: [UInt8] = []
    public let codec = MessageCodec()

    public init(role: String, displayName: String) {
        self.role = role
        self.displayName = displayName
    }

    public var isRegistered: Bool { agentID != nil }

    /// `role:ID` once registered, `role:name` before.
    public var senderName: String { "\(role):\(agentID ?? displayName)" }

    /// Records the manager's acceptance.
    public mutating func registered(id: String, token: String) {
        agentID = id
        self.token = Array(token.utf8)
    }

    /// Forgets the token (the manager no longer knows it); the id is kept to register again under.
    public mutating func forgetToken() { token = [] }

    /// Encodes `body` as a message to `peer` (empty: the manager), signed with this agent's token in the
    /// token frame. The JSON carries `auth_token` only for the manager: the manager forwards a routed body
    /// as it is, and the other agent must not learn the token.
    public func message<Body: MessageBody>(_ body: Body, to peer: String = "", conversationID: String) -> WireMessage {
        let tokenText = token.isEmpty || !peer.isEmpty ? nil : String(decoding: token, as: UTF8.self)
        let bytes = codec.encode(body, sender: senderName, conversationID: conversationID, authToken: tokenText)
        return WireMessage(type: Body.messageType, peer: Array(peer.utf8), token: token, body: bytes)
    }
}

extension WireMessage {
    /// The same message with the session's current token in the token frame (after a new registration).
    public func resigned(with session: AgentSession) -> WireMessage {
        var copy = self
        copy.token = session.token
        return copy
    }
}
