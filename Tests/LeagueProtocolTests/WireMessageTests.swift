import LeagueProtocol
import Testing

/// `WireMessage.parse` accepts exactly the five-frame league.v2 layout and rejects everything else with the
/// right code; `frames` and `parse` are inverse.
@Suite struct WireMessageTests {
    static let good: [[UInt8]] = [
        Array("league.v2".utf8), Array("GAME_JOIN_ACK".utf8), Array("P01".utf8), Array("tok".utf8), Array("{}".utf8),
    ]

    func parseError(_ frames: [[UInt8]], maxBodySize: Int = WireMessage.maxBodySize) -> ProtocolError? {
        do {
            _ = try WireMessage.parse(frames, maxBodySize: maxBodySize)
            return nil
        } catch {
            return error
        }
    }

    @Test func parsesFiveFrames() throws {
        let wire = try WireMessage.parse(Self.good)
        #expect(wire.type == .gameJoinAck)
        #expect(wire.peerID == "P01")
        #expect(wire.token == Array("tok".utf8))
        #expect(wire.body == Array("{}".utf8))
    }

    @Test(arguments: [0, 1, 4, 6])
    func wrongFrameCountIsMalformed(count: Int) {
        let frames = (0..<count).map { Self.good[$0 % 5] }
        #expect(parseError(frames)?.code == .malformedFrames)
    }

    @Test(arguments: ["league.v1", "", "league.v2 ", "LEAGUE.V2"])
    func wrongProtocolFrameIsVersionMismatch(tag: String) {
        var frames = Self.good
        frames[0] = Array(tag.utf8)
        #expect(parseError(frames)?.code == .protocolVersionMismatch)
    }

    @Test(arguments: ["GAME_JOIN", "game_join_ack", "", "HELLO"])
    func unknownTypeFrame(type: String) {
        var frames = Self.good
        frames[1] = Array(type.utf8)
        #expect(parseError(frames)?.code == .unknownMessageType)
    }

    @Test func bodySizeLimit() throws {
        var frames = Self.good
        frames[4] = [UInt8](repeating: 0x20, count: WireMessage.maxBodySize)
        #expect(parseError(frames) == nil, "exactly the limit is allowed")
        frames[4].append(0x20)
        #expect(parseError(frames)?.code == .messageTooLarge)
        #expect(parseError(frames, maxBodySize: WireMessage.maxReplySize) == nil)
        frames[4] = [UInt8](repeating: 0x20, count: WireMessage.maxReplySize + 1)
        #expect(parseError(frames, maxBodySize: WireMessage.maxReplySize)?.code == .messageTooLarge)
    }

    @Test func overlongPeerOrTokenIsMalformed() {
        var frames = Self.good
        frames[2] = [UInt8](repeating: 0x41, count: 65)
        #expect(parseError(frames)?.code == .malformedFrames)
        frames = Self.good
        frames[3] = [UInt8](repeating: 0x41, count: 129)
        #expect(parseError(frames)?.code == .malformedFrames)
    }

    @Test(arguments: MessageType.allCases)
    func framesRoundTripThroughParse(type: MessageType) throws {
        let wire = WireMessage(type: type, peer: Array("REF01".utf8), token: Array("tok-1".utf8), body: Array("{\"a\":1}".utf8))
        let frames = wire.frames
        #expect(frames.count == 5)
        #expect(frames[0] == WireMessage.protocolTag)
        #expect(frames[1] == Array(type.rawValue.utf8))
        #expect(try WireMessage.parse(frames) == wire)
    }

    @Test func emptyPeerAndTokenRoundTrip() throws {
        let wire = WireMessage(type: .matchAssignment, body: Array("{}".utf8))
        #expect(try WireMessage.parse(wire.frames) == wire)
        #expect(wire.peerID == "")
    }
}
