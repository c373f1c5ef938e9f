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

    /// Encodes `body` as a message to `peer` (empty: the manager), signed with this agent's token.
    public func message<Body: MessageBody>(_ body: Body, to peer: String = "", conversationID: String) -> WireMessage {
        let tokenText = token.isEmpty ? nil : String(decoding: token, as: UTF8.self)
        let bytes = codec.encode(body, sender: senderName, conversationID: conversationID, authToken: tokenText)
        return WireMessage(type: Body.messageType, peer: Array(peer.utf8), token: token, body: bytes)
    }
}
