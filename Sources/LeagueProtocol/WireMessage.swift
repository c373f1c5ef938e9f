/// One league message as ZeroMQ frames: `[protocol, message_type, peer, auth_token, body]`.
///
/// - `protocol` is the literal `league.v2`.
/// - `message_type` repeats the body's `message_type`, so a broker can route without decoding JSON.
/// - `peer` is the agent id a message is for (agent → manager; empty for the manager itself) or the agent id
///   it came from (manager → agent; empty when the manager is the author).
/// - `auth_token` is the sender's token (empty before registration and from the manager).
/// - `body` is the league.v2 JSON message.
public struct WireMessage: Sendable, Hashable {
    /// The protocol frame's contents.
    public static let protocolTag: [UInt8] = Array("league.v2".utf8)
    /// The largest body a manager accepts from an agent, in bytes.
    public static let maxBodySize = 64 * 1024
    /// The largest body an agent accepts from a manager (a whole league report can be large).
    public static let maxReplySize = 16 * 1024 * 1024

    public var type: MessageType
    public var peer: [UInt8]
    public var token: [UInt8]
    public var body: [UInt8]

    public init(type: MessageType, peer: [UInt8] = [], token: [UInt8] = [], body: [UInt8]) {
        self.type = type
        self.peer = peer
        self.token = token
        self.body = body
    }

    /// The frames to send.
    public var frames: [[UInt8]] { [Self.protocolTag, type.frame, peer, token, body] }

    /// The peer frame as text.
    public var peerID: String { String(decoding: peer, as: UTF8.self) }

    /// Parses received frames (without a ROUTER's identity frame); bodies over `maxBodySize` are refused.
    public static func parse(_ frames: [[UInt8]], maxBodySize: Int = maxBodySize) throws(ProtocolError) -> WireMessage {
        guard frames.count == 5 else {
            throw ProtocolError(.malformedFrames, "expected 5 frames [protocol, type, peer, token, body], got \(frames.count)")
        }
        guard frames[0] == protocolTag else {
            throw ProtocolError(.protocolVersionMismatch, "protocol frame must be \"league.v2\"")
        }
        guard frames[4].count <= maxBodySize else {
            throw ProtocolError(.messageTooLarge, "body of \(frames[4].count) bytes exceeds \(maxBodySize)")
        }
        guard let type = MessageType(frame: frames[1]) else {
            throw ProtocolError(.unknownMessageType, "unknown message type \"\(String(decoding: frames[1].prefix(64), as: UTF8.self))\"")
        }
        guard frames[2].count <= 64, frames[3].count <= 128 else {
            throw ProtocolError(.malformedFrames, "peer or token frame too long")
        }
        return WireMessage(type: type, peer: frames[2], token: frames[3], body: frames[4])
    }
}
