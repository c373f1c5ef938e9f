import Foundation
import LeagueProtocol
import Testing

/// Every kind of bad message body maps to the right league error code when `MessageCodec` decodes it.
@Suite struct MessageCodecErrorTests {
    typealias F = ProtocolFixtures

    @Test func validBaselinesDecode() {
        #expect(F.decodeError(GameJoinAck.self, F.bytes(F.joinAckObject())) == nil)
        #expect(F.decodeError(LeagueRegisterRequest.self, F.bytes(F.registerRequestObject())) == nil)
    }

    @Test(arguments: ["", "{", "{not json}", "\u{0}", "{\"protocol\":\"league.v2\"", "{\"a\" 1}"])
    func invalidJSONIsE101(text: String) {
        #expect(F.decodeError(GameJoinAck.self, text)?.code == .invalidJSON)
    }

    @Test func emptyBodyIsE101() {
        let error = F.decodeError(GameJoinAck.self, [UInt8]())
        #expect(error?.code == .invalidJSON)
        #expect(error?.code.rawValue == "E101")
    }

    /// Valid JSON that is not an object is still not a league message.
    @Test(arguments: ["[]", "[1,2]", "42", "\"GAME_JOIN_ACK\"", "true", "null"])
    func jsonThatIsNotAnObjectIsE101(text: String) {
        #expect(F.decodeError(GameJoinAck.self, text)?.code == .invalidJSON)
    }

    @Test(arguments: [
        "protocol", "message_type", "sender", "timestamp", "conversation_id",
        "match_id", "player_id", "arrival_timestamp", "accept",
    ])
    func missingRequiredFieldIsE003NamingTheField(field: String) throws {
        var object = F.joinAckObject()
        object[field] = nil
        let error = try #require(F.decodeError(GameJoinAck.self, F.bytes(object)))
        #expect(error.code == .missingRequiredField)
        #expect(error.code.rawValue == "E003")
        #expect(error.detail.contains(field))
    }

    @Test func missingAuthTokenIsAllowed() {
        var object = F.joinAckObject()
        object["auth_token"] = nil
        #expect(F.decodeError(GameJoinAck.self, F.bytes(object)) == nil)
    }

    @Test(arguments: ["display_name", "version", "game_types"])
    func missingNestedFieldNamesItsPath(field: String) throws {
        var object = F.registerRequestObject()
        var meta = object["player_meta"] as! [String: Any]
        meta[field] = nil
        object["player_meta"] = meta
        let error = try #require(F.decodeError(LeagueRegisterRequest.self, F.bytes(object)))
        #expect(error.code == .missingRequiredField)
        #expect(error.detail.contains("player_meta.\(field)"))
    }

    @Test func nullForRequiredFieldIsE003() throws {
        var object = F.joinAckObject()
        object["match_id"] = NSNull()
        let error = try #require(F.decodeError(GameJoinAck.self, F.bytes(object)))
        #expect(error.code == .missingRequiredField)
    }

    /// `value` is a JSON fragment put in place of the field's valid value.
    @Test(arguments: [
        ("accept", "\"yes\""), ("accept", "1"), ("match_id", "5"), ("player_id", "[\"P01\"]"),
        ("sender", "7"), ("protocol", "2"), ("conversation_id", "false"), ("message_type", "\"NO_SUCH_TYPE\""),
        ("arrival_timestamp", "{}"),
    ])
    func wrongFieldTypeIsE105(field: String, value: String) throws {
        var object = F.joinAckObject()
        object[field] = try JSONSerialization.jsonObject(with: Data(value.utf8), options: .fragmentsAllowed)
        let error = try #require(F.decodeError(GameJoinAck.self, F.bytes(object)))
        #expect(error.code == .invalidFieldValue)
        #expect(error.code.rawValue == "E105")
    }

    @Test func wrongNestedTypeIsE105() throws {
        var object = F.registerRequestObject()
        object["player_meta"] = ["display_name": "alice", "version": "1", "game_types": "even_odd"]
        let error = try #require(F.decodeError(LeagueRegisterRequest.self, F.bytes(object)))
        #expect(error.code == .invalidFieldValue)
    }

    @Test(arguments: ["league.v1", "league.v3", "LEAGUE.V2", ""])
    func otherProtocolIsE018(name: String) throws {
        var object = F.joinAckObject()
        object["protocol"] = name
        let error = try #require(F.decodeError(GameJoinAck.self, F.bytes(object)))
        #expect(error.code == .protocolVersionMismatch)
        #expect(error.code.rawValue == "E018")
    }

    @Test(arguments: [
        "2026-11-28T10:00:00+02:00", "2026-11-28T10:00:00.000-05:00", "2026-11-28T10:00:00", "2026-11-28T10:00:00.123",
        "2026-11-28 10:00:00Z", "yesterday", "", "2026-11-28", "1795839886", "xxxx-11-28T10:00:00Z",
    ])
    func nonUTCTimestampIsE021(timestamp: String) throws {
        var object = F.joinAckObject()
        object["timestamp"] = timestamp
        let error = try #require(F.decodeError(GameJoinAck.self, F.bytes(object)))
        #expect(error.code == .invalidTimestamp)
        #expect(error.code.rawValue == "E021")
    }

    @Test(arguments: ["2026-11-28T10:00:00Z", "2026-11-28T10:00:00.123Z", "2026-11-28T10:00:00+00:00", "2026-11-28T10:00:00.5+00:00"])
    func utcTimestampIsAccepted(timestamp: String) {
        var object = F.joinAckObject()
        object["timestamp"] = timestamp
        #expect(F.decodeError(GameJoinAck.self, F.bytes(object)) == nil)
    }

    @Test func bodyOfAnotherTypeIsE105() throws {
        var object = F.joinAckObject()
        object["message_type"] = "CHOOSE_PARITY_RESPONSE"
        object["parity_choice"] = "even"
        let error = try #require(F.decodeError(GameJoinAck.self, F.bytes(object)))
        #expect(error.code == .invalidFieldValue)
        #expect(error.detail.contains("CHOOSE_PARITY_RESPONSE"))
        // And the other way round: the same body is fine as the type it claims to be.
        #expect(F.decodeError(ChooseParityResponse.self, F.bytes(object)) == nil)
    }

    @Test func envelopeOfBadBodyIsNilButOfGoodBodyIsRead() {
        let codec = MessageCodec()
        #expect(codec.envelope(of: Array("{".utf8)) == nil)
        var object = F.joinAckObject()
        object["protocol"] = "league.v1"
        #expect(codec.envelope(of: F.bytes(object)) == nil)
        #expect(codec.envelope(of: F.bytes(F.joinAckObject()))?.conversationID == "conv-1")
    }
}
