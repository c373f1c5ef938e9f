import LeagueAgent
import LeaguePlayer
import LeagueProtocol
import Testing

/// `PlayerCore` driven directly: registration and its retries, answering invitations and parity calls to the
/// right referee, think-time delays, and learning from GAME_OVER.
@Suite struct PlayerCoreTests {
    /// Heartbeat 100 ms, liveness 3, reconnect backoff from 1 s.
    static let fast = ManagerLink.Policy(
        heartbeatMilliseconds: 100, liveness: 3, backoffInitialMilliseconds: 1_000, backoffMaxMilliseconds: 32_000,
        registrationTimeoutMilliseconds: 300)

    @Test func unansweredRegistrationIsSentAgainOnANewSocketAfterBackoff() throws {
        let h = PlayerHarness(link: Self.fast)
        h.core.start(now: h.now)
        let request = try #require(h.drain().first)
        #expect(request.type == .leagueRegisterRequest)
        let meta = try h.decode(LeagueRegisterRequest.self, request).body.playerMeta
        #expect(meta.displayName == "alice")
        #expect(meta.gameTypes == [evenOddGameType])
        h.advance(milliseconds: 299)
        #expect(h.sent.isEmpty)
        h.advance(milliseconds: 1)  // three silent intervals: lost, back off 0.5–1 s
        #expect(h.sent.isEmpty)
        #expect(h.recorder.reconnects == 0)
        h.advance(milliseconds: 1_000)
        #expect(h.recorder.reconnects == 1)
        #expect(h.drain().map(\.type) == [.leagueRegisterRequest])

        h.fromManager(LeagueRegisterResponse(status: .accepted, playerID: PlayerHarness.playerID, authToken: PlayerHarness.token))
        #expect(h.core.playerID == PlayerHarness.playerID)
        h.advance(milliseconds: 100)
        #expect(h.drain().map(\.type) == [.heartbeat], "registered: a heartbeat each idle interval")
    }

    @Test func leagueErrorForTheRegistrationStopsRetries() {
        let h = PlayerHarness(link: Self.fast)
        h.core.start(now: h.now)
        _ = h.drain()
        h.fromManager(
            LeagueError(ProtocolError(.invalidFieldValue, "display_name"), originalMessageType: MessageType.leagueRegisterRequest.rawValue))
        #expect(h.core.refused)
        #expect(h.core.nextDeadline == nil)
        h.advance(milliseconds: 60_000)
        #expect(h.sent.isEmpty, "no retry after the registration was refused")
        #expect(h.recorder.reconnects == 0)
        #expect(h.core.playerID == nil)
    }

    @Test func storageErrorOnTheRegistrationIsRetried() {
        let h = PlayerHarness(link: Self.fast)
        h.core.start(now: h.now)
        _ = h.drain()
        h.fromManager(
            LeagueError(ProtocolError(.storageError, "disk full"), originalMessageType: MessageType.leagueRegisterRequest.rawValue))
        #expect(!h.core.refused)
        h.advance(milliseconds: 300)
        h.advance(milliseconds: 1_000)
        #expect(h.drain().map(\.type) == [.leagueRegisterRequest])
    }

    @Test func adoptsTheManagersShorterHeartbeat() {
        let h = PlayerHarness(link: ManagerLink.Policy(heartbeatMilliseconds: 1_000))
        h.register()
        h.fromManager(Heartbeat(intervalMilliseconds: 250))
        h.advance(milliseconds: 250)
        #expect(h.drain().map(\.type) == [.heartbeat])
    }

    @Test func forgottenByTheManagerRegistersAgain() {
        let h = PlayerHarness(link: Self.fast)
        h.register()
        h.fromManager(
            LeagueError(ProtocolError(.playerNotRegistered, "register first"), originalMessageType: MessageType.heartbeat.rawValue))
        #expect(h.drain().map(\.type) == [.leagueRegisterRequest])
        h.fromManager(LeagueRegisterResponse(status: .accepted, playerID: PlayerHarness.playerID, authToken: "tok-new"))
        h.advance(milliseconds: 100)
        #expect(h.drain().first?.token == Array("tok-new".utf8))
    }

    @Test func silentManagerIsLostAndReconnectedWithGrowingBackoff() {
        let h = PlayerHarness(link: Self.fast)
        h.register()
        var delays: [Int] = []
        for _ in 0..<3 {
            var waited = 0
            let before = h.recorder.reconnects
            while h.recorder.reconnects == before && waited < 60_000 {
                h.advance(milliseconds: 10)
                waited += 10
            }
            delays.append(waited)
        }
        // Each wait is the liveness window (0.3 s) plus a backoff of 1, 2, 4 s with equal jitter (half to all).
        #expect(delays[0] >= 800 && delays[0] <= 1_310)
        #expect(delays[1] >= 1_300 && delays[1] <= 2_310)
        #expect(delays[2] >= 2_300 && delays[2] <= 4_310)
    }

    @Test func rejectedRegistrationIsTriedAgainAfterBackoff() {
        let h = PlayerHarness(link: Self.fast)
        h.core.start(now: h.now)
        _ = h.drain()
        h.fromManager(LeagueRegisterResponse(status: .rejected, playerID: nil, reason: "name in use", authToken: nil))
        #expect(h.core.playerID == nil)
        h.advance(milliseconds: 300)  // lost
        h.advance(milliseconds: 1_000)  // the backoff has passed
        #expect(h.recorder.reconnects == 1)
        #expect(h.drain().map(\.type) == [.leagueRegisterRequest])
    }

    @Test func invitationIsAcceptedTowardsTheReferee() throws {
        let h = PlayerHarness()
        h.register()
        h.fromReferee(PlayerHarness.invitation, conversationID: "conv-R1M1")
        let wire = try #require(h.sent.first)
        #expect(h.sent.count == 1)
        #expect(wire.type == .gameJoinAck)
        #expect(wire.peerID == PlayerHarness.refereeID)
        #expect(wire.token == Array(PlayerHarness.token.utf8))
        let ack = try h.decode(GameJoinAck.self, wire)
        #expect(ack.body.accept)
        #expect(ack.body.matchID == "R1M1")
        #expect(ack.body.playerID == PlayerHarness.playerID)
        #expect(Timestamp.isValidUTC(ack.body.arrivalTimestamp))
        #expect(ack.envelope.conversationID == "conv-R1M1")
        #expect(ack.envelope.sender == "player:\(PlayerHarness.playerID)")
        #expect(ack.envelope.authToken == nil, "the token travels in the token frame only: the referee must not see it")
    }

    @Test func invitationBeforeRegistrationIsIgnored() {
        let h = PlayerHarness()
        h.core.start(now: h.now)
        _ = h.drain()
        h.fromReferee(PlayerHarness.invitation)
        h.fromReferee(PlayerHarness.call())
        #expect(h.sent.isEmpty)
    }

    @Test func thinkTimeDelaysTheAnswer() throws {
        let h = PlayerHarness(thinkMilliseconds: 250)
        h.register()
        h.fromReferee(PlayerHarness.invitation)
        #expect(h.sent.isEmpty, "nothing before the think time")
        #expect(h.core.nextDeadline == h.now + PlayerHarness.ns(milliseconds: 250))
        h.advance(milliseconds: 249)
        #expect(h.sent.isEmpty)
        h.advance(milliseconds: 1)
        #expect(h.drain().map(\.type) == [.gameJoinAck])
        h.advance(milliseconds: 1_000)
        #expect(h.sent.isEmpty, "sent once")
    }

    @Test func delayedAnswersGoOutInOrder() throws {
        let h = PlayerHarness(strategy: .even, thinkMilliseconds: 100)
        h.register()
        h.fromReferee(PlayerHarness.invitation)
        h.advance(milliseconds: 50)
        h.fromReferee(PlayerHarness.call())
        h.advance(milliseconds: 50)
        #expect(h.drain().map(\.type) == [.gameJoinAck])
        h.advance(milliseconds: 49)
        #expect(h.sent.isEmpty)
        h.advance(milliseconds: 1)
        #expect(h.drain().map(\.type) == [.chooseParityResponse])
    }

    @Test(arguments: [StrategyKind.even, .odd, .random, .frequency, .pattern])
    func parityCallIsAnswered(kind: StrategyKind) throws {
        let h = PlayerHarness(strategy: kind)
        h.register()
        h.fromReferee(PlayerHarness.call(), conversationID: "conv-R1M1")
        let wire = try #require(h.sent.first)
        #expect(h.sent.count == 1)
        #expect(wire.type == .chooseParityResponse)
        #expect(wire.peerID == PlayerHarness.refereeID)
        #expect(wire.token == Array(PlayerHarness.token.utf8))
        let response = try h.decode(ChooseParityResponse.self, wire)
        #expect(["even", "odd"].contains(response.body.parityChoice))
        #expect(response.body.matchID == "R1M1")
        #expect(response.body.playerID == PlayerHarness.playerID)
        #expect(response.envelope.conversationID == "conv-R1M1")
        switch kind {
        case .even: #expect(response.body.parityChoice == "even")
        case .odd: #expect(response.body.parityChoice == "odd")
        default: break
        }
    }

    @Test func gameOverTeachesTheStrategy() throws {
        let h = PlayerHarness(strategy: .frequency)
        h.register()
        for round in 0..<3 {
            h.fromReferee(
                GameOver(
                    matchID: "R\(round)M1",
                    gameResult: .init(
                        status: .win, winnerPlayerID: "P06", drawnNumber: 4, numberParity: .even,
                        choices: [PlayerHarness.playerID: "odd", "P06": "even"], reason: "4 is even")))
        }
        #expect(h.core.matchesPlayed == 3)
        #expect(h.sent.isEmpty)
        h.fromReferee(PlayerHarness.call(opponent: "P06"))
        let response = try h.decode(ChooseParityResponse.self, try #require(h.sent.first))
        #expect(response.body.parityChoice == "odd", "P06 always chose even")
    }

    @Test func leagueCompletedIsCounted() {
        let h = PlayerHarness()
        h.register()
        h.fromManager(LeagueCompleted(leagueID: "L1", totalRounds: 1, totalMatches: 1, champion: nil, finalStandings: []))
        #expect(h.core.leaguesCompleted == 1)
        #expect(h.sent.isEmpty)
    }

    @Test func garbageIsIgnoredWithoutReply() {
        let h = PlayerHarness()
        h.register()
        h.core.receive([], now: h.now)
        h.core.receive(WireMessage(type: .gameInvitation, peer: Array("REF02".utf8), body: Array("{".utf8)).frames, now: h.now)
        h.core.receive(WireMessage(type: .matchAssignment, body: Array("{}".utf8)).frames, now: h.now)
        #expect(h.sent.isEmpty)
        h.advance(milliseconds: 60_000)
        #expect(h.sent.isEmpty, "nothing scheduled by the garbage")
    }
}
