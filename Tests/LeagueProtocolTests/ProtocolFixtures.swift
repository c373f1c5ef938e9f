import Foundation
import LeagueProtocol

/// Shared values and helpers for the protocol tests.
enum ProtocolFixtures {
    static let timestamp = "2026-11-28T04:24:46.123Z"

    /// An envelope for `Body` with fixed, valid values.
    static func envelope<Body: MessageBody>(for _: Body.Type, sender: String = "league_manager", authToken: String? = nil) -> Envelope {
        Envelope(messageType: Body.messageType, sender: sender, timestamp: timestamp, conversationID: "conv-42", authToken: authToken)
    }

    /// The top-level JSON object of `bytes`, or `nil` when it is not one.
    static func object(_ bytes: [UInt8]) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any]
    }

    /// `object` serialized as JSON bytes (empty if it cannot be, which fails the test that uses it).
    static func bytes(_ object: [String: Any]) -> [UInt8] {
        (try? JSONSerialization.data(withJSONObject: object)).map { Array($0) } ?? []
    }

    /// The error `MessageCodec` raises decoding `bytes` as `Body`, or `nil` when decoding succeeds.
    static func decodeError<Body: MessageBody>(_ type: Body.Type, _ bytes: [UInt8]) -> ProtocolError? {
        do {
            _ = try MessageCodec().decode(type, from: bytes)
            return nil
        } catch {
            return error
        }
    }

    static func decodeError<Body: MessageBody>(_ type: Body.Type, _ text: String) -> ProtocolError? {
        decodeError(type, Array(text.utf8))
    }

    /// A valid GAME_JOIN_ACK as a mutable JSON object.
    static func joinAckObject() -> [String: Any] {
        [
            "protocol": "league.v2", "message_type": "GAME_JOIN_ACK", "sender": "player:P01",
            "timestamp": "2026-11-28T10:00:00Z", "conversation_id": "conv-1", "auth_token": "tok-P01",
            "match_id": "R1M1", "player_id": "P01", "arrival_timestamp": "2026-11-28T10:00:00.500Z", "accept": true,
        ]
    }

    /// A valid LEAGUE_REGISTER_REQUEST as a mutable JSON object.
    static func registerRequestObject() -> [String: Any] {
        [
            "protocol": "league.v2", "message_type": "LEAGUE_REGISTER_REQUEST", "sender": "player:alice",
            "timestamp": "2026-11-28T10:00:00Z", "conversation_id": "conv-reg",
            "player_meta": [
                "display_name": "alice", "version": "1.0.0", "game_types": ["even_odd"], "protocol_version": "2.1.0",
            ] as [String: Any],
        ]
    }
}
