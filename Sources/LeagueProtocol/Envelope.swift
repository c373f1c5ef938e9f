/// The fields every league.v2 message carries.
public struct Envelope: Sendable, Hashable {
    /// Always `league.v2`.
    public static let protocolName = "league.v2"

    public var messageType: MessageType
    /// `league_manager`, `referee:<ID>`, `player:<ID>` or, for operator tools, `operator:<name>`.
    public var sender: String
    /// ISO-8601 UTC.
    public var timestamp: String
    public var conversationID: String
    public var authToken: String?

    public init(
        messageType: MessageType, sender: String, timestamp: String = Timestamp.now(), conversationID: String,
        authToken: String? = nil
    ) {
        self.messageType = messageType
        self.sender = sender
        self.timestamp = timestamp
        self.conversationID = conversationID
        self.authToken = authToken
    }
}

extension Envelope: Codable {
    enum CodingKeys: String, CodingKey {
        case `protocol`
        case messageType = "message_type"
        case sender, timestamp
        case conversationID = "conversation_id"
        case authToken = "auth_token"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(String.self, forKey: .protocol)
        guard name == Self.protocolName else {
            throw ProtocolError(.protocolVersionMismatch, "protocol must be \"league.v2\", got \"\(name.prefix(32))\"")
        }
        messageType = try container.decode(MessageType.self, forKey: .messageType)
        sender = try container.decode(String.self, forKey: .sender)
        timestamp = try container.decode(String.self, forKey: .timestamp)
        guard Timestamp.isValidUTC(timestamp) else {
            throw ProtocolError(.invalidTimestamp, "timestamp \"\(timestamp.prefix(40))\" is not ISO-8601 UTC")
        }
        conversationID = try container.decode(String.self, forKey: .conversationID)
        authToken = try container.decodeIfPresent(String.self, forKey: .authToken)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.protocolName, forKey: .protocol)
        try container.encode(messageType, forKey: .messageType)
        try container.encode(sender, forKey: .sender)
        try container.encode(timestamp, forKey: .timestamp)
        try container.encode(conversationID, forKey: .conversationID)
        try container.encodeIfPresent(authToken, forKey: .authToken)
    }
}

/// The payload of one message type; its fields sit beside the envelope's at the top level of the JSON.
public protocol MessageBody: Codable, Sendable {
    static var messageType: MessageType { get }
    /// Whether the body's own `auth_token` field is a token being issued (the REGISTER responses), so the
    /// top-level key is not the sender's token. The manager never signs its messages.
    static var carriesIssuedToken: Bool { get }
}

extension MessageBody {
    public static var carriesIssuedToken: Bool { false }
}

/// A whole message: envelope and payload, flattened into one JSON object as league.v2 does.
public struct Message<Body: MessageBody>: Sendable {
    public var envelope: Envelope
    public var body: Body

    public init(envelope: Envelope, body: Body) {
        self.envelope = envelope
        self.body = body
    }
}

extension Message: Codable {
    public init(from decoder: any Decoder) throws {
        envelope = try Envelope(from: decoder)
        guard envelope.messageType == Body.messageType else {
            throw ProtocolError(
                .invalidFieldValue,
                "message_type \(envelope.messageType.rawValue) does not match the type frame \(Body.messageType.rawValue)")
        }
        body = try Body(from: decoder)
        if Body.carriesIssuedToken { envelope.authToken = nil }
    }

    public func encode(to encoder: any Encoder) throws {
        var envelope = envelope
        if Body.carriesIssuedToken { envelope.authToken = nil }
        try envelope.encode(to: encoder)
        try body.encode(to: encoder)
    }
}
