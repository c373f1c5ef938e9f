import Foundation
import LeagueProtocol

/// Builders for hand-made league messages, valid or deliberately not.
public enum LeagueFrames {
    /// `[league.v2, type, peer, token, body]`.
    public static func frames(_ type: String, peer: String = "", token: String = "", body: String) -> [[UInt8]] {
        [Array("league.v2".utf8), Array(type.utf8), Array(peer.utf8), Array(token.utf8), Array(body.utf8)]
    }

    /// A valid league.v2 JSON object of `type` with extra top-level `fields` (JSON fragments).
    public static func json(
        _ type: String, sender: String = "player:test", conversation: String = "conv-test", fields: [String: String] = [:]
    ) -> String {
        var parts = [
            "\"protocol\":\"league.v2\"", "\"message_type\":\"\(type)\"", "\"sender\":\"\(sender)\"",
            "\"timestamp\":\"2026-11-28T10:00:00Z\"", "\"conversation_id\":\"\(conversation)\"",
        ]
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) { parts.append("\"\(key)\":\(value)") }
        return "{" + parts.joined(separator: ",") + "}"
    }

    /// Decodes the body of received frames (a DEALER's view: 5 frames) as `Body`.
    public static func decode<Body: MessageBody>(_ type: Body.Type, _ frames: [[UInt8]]) -> Body? {
        guard let wire = try? WireMessage.parse(frames, maxBodySize: WireMessage.maxReplySize), wire.type == Body.messageType else {
            return nil
        }
        return try? MessageCodec().decode(Body.self, from: wire.body).body
    }

    /// The message type frame of received frames.
    public static func type(of frames: [[UInt8]]) -> String? {
        frames.count > 1 ? String(decoding: frames[1], as: UTF8.self) : nil
    }
}
