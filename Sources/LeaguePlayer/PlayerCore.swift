import LeagueAgent
import LeagueProtocol
import Logging
import ZeroMQ

/// A player's logic: registers, accepts invitations and answers parity calls through its ``Strategy``.
///
/// Socket-free like the other cores; it lives on one event-loop thread.
public final class PlayerCore {
    /// Sends one message to the manager (which forwards it when `peer` names a referee).
    public typealias Transmit = (WireMessage) -> Bool

    let configuration: PlayerConfiguration
    let logger: Logger
    let transmit: Transmit
    var session: AgentSession
    var strategy: any Strategy
    /// Answers waiting out the think time, in due order (the delay is constant, so FIFO is due order).
    var delayed: [(due: UInt64, message: WireMessage)] = []
    var registrationRetryAt: UInt64?
    /// GAME_OVER messages received.
    public private(set) var matchesPlayed = 0
    public private(set) var leaguesCompleted = 0

    public init(configuration: PlayerConfiguration, logger: Logger, transmit: @escaping Transmit) {
        self.configuration = configuration
        self.logger = logger
        self.transmit = transmit
        self.session = AgentSession(role: "player", displayName: configuration.name)
        self.strategy = configuration.strategy.make(seed: configuration.seed)
    }

    /// The id the manager gave this player, once registered.
    public var playerID: String? { session.agentID }

    /// Sends the registration; it is repeated until the manager answers.
    public func start(now: UInt64) {
        let request = LeagueRegisterRequest(
            playerMeta: .init(displayName: configuration.name, version: "1.0.0", gameTypes: [evenOddGameType]))
        _ = transmit(session.message(request, conversationID: "conv-register-\(configuration.name)"))
        registrationRetryAt = now + MonotonicClock.nanoseconds(milliseconds: configuration.retryIntervalMilliseconds)
    }

    public var nextDeadline: UInt64? {
        switch (delayed.first?.due, registrationRetryAt) {
        case (let a?, let b?): min(a, b)
        case (let a?, nil): a
        case (nil, let b): b
        }
    }

    public func fireTimers(now: UInt64) {
        if let retry = registrationRetryAt, retry <= now, !session.isRegistered { start(now: now) }
        var sent = 0
        while sent < delayed.count, delayed[sent].due <= now {
            _ = transmit(delayed[sent].message)
            sent += 1
        }
        delayed.removeFirst(sent)
    }

    /// Handles one message from the manager.
    public func receive(_ frames: [[UInt8]], now: UInt64) {
        do {
            let wire = try WireMessage.parse(frames, maxBodySize: WireMessage.maxReplySize)
            switch wire.type {
            case .leagueRegisterResponse: try registered(wire)
            case .gameInvitation: try invited(wire, now: now)
            case .chooseParityCall: try asked(wire, now: now)
            case .gameOver: try gameOver(wire)
            case .leagueCompleted:
                leaguesCompleted += 1
                logger.info("league completed")
            case .leagueError, .gameError:
                logger.warning("error reported", metadata: ["body": "\(String(decoding: wire.body.prefix(300), as: UTF8.self))"])
                if wire.type == .leagueError, !session.isRegistered,
                    let error = try? session.codec.decode(LeagueError.self, from: wire.body).body,
                    error.originalMessageType == MessageType.leagueRegisterRequest.rawValue
                {
                    registrationRetryAt = nil  // the registration itself was refused: retrying will not help
                }
            case .roundAnnouncement, .roundCompleted, .leagueStandingsUpdate, .leagueQueryResponse:
                logger.debug("notice", metadata: ["type": "\(wire.type.rawValue)"])
            default:
                throw ProtocolError(.unknownMessageType, "a player does not accept \(wire.type.rawValue)")
            }
        } catch {
            logger.warning("rejected message", metadata: ["error": "\(error)"])
        }
    }

    private func registered(_ wire: WireMessage) throws(ProtocolError) {
        let response = try session.codec.decode(LeagueRegisterResponse.self, from: wire.body).body
        registrationRetryAt = nil
        guard response.status == .accepted, let id = response.playerID, let token = response.authToken else {
            logger.error("registration rejected", metadata: ["reason": "\(response.reason ?? "none given")"])
            return
        }
        session.registered(id: id, token: token)
        logger.info("registered", metadata: ["agent": "\(id)"])
    }

    private func invited(_ wire: WireMessage, now: UInt64) throws(ProtocolError) {
        let message = try session.codec.decode(GameInvitation.self, from: wire.body)
        guard let me = session.agentID else { return }
        let ack = GameJoinAck(matchID: message.body.matchID, playerID: me, accept: true)
        answer(session.message(ack, to: wire.peerID, conversationID: message.envelope.conversationID), now: now)
    }

    private func asked(_ wire: WireMessage, now: UInt64) throws(ProtocolError) {
        let message = try session.codec.decode(ChooseParityCall.self, from: wire.body)
        guard let me = session.agentID else { return }
        let call = message.body
        let choice = strategy.choose(
            ChoiceContext(
                matchID: call.matchID, opponentID: call.context.opponentID, roundID: call.context.roundID,
                standings: call.context.yourStandings))
        let response = ChooseParityResponse(matchID: call.matchID, playerID: me, parityChoice: choice.rawValue)
        answer(session.message(response, to: wire.peerID, conversationID: message.envelope.conversationID), now: now)
    }

    private func gameOver(_ wire: WireMessage) throws(ProtocolError) {
        let result = try session.codec.decode(GameOver.self, from: wire.body).body.gameResult
        matchesPlayed += 1
        guard let me = session.agentID else { return }
        let opponent = result.choices.keys.first { $0 != me }
        if let opponent {
            strategy.observe(
                MatchObservation(
                    opponentID: opponent, opponentChoice: result.choices[opponent].flatMap(ParityChoice.init(rawValue:)),
                    drawnNumber: result.drawnNumber, won: result.winnerPlayerID == me))
        }
    }

    private func answer(_ message: WireMessage, now: UInt64) {
        if configuration.thinkMilliseconds <= 0 {
            _ = transmit(message)
        } else {
            delayed.append((now + MonotonicClock.nanoseconds(milliseconds: configuration.thinkMilliseconds), message))
        }
    }
}
