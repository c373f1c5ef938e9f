import LeagueAgent
import LeagueGames
import LeagueProtocol
import Logging
import ZeroMQ

/// A player's logic: registers, accepts invitations, answers parity calls through its ``Strategy`` and
/// move requests of its other games through their ``GameStrategies``, keeps its link to the manager
/// alive and reconnects when it is lost.
///
/// Socket-free like the other cores; it lives on one event-loop thread.
public final class PlayerCore {
    let configuration: PlayerConfiguration
    let logger: Logger
    var connection: AgentConnection
    var strategy: any Strategy
    /// The strategy of each game other than Even/Odd that it plays.
    var movers: [GameType: any MoveAnswering] = [:]
    /// The games it declares: those it has a strategy for, in configuration order.
    public let games: [GameType]
    /// Answers waiting out the think time, in due order (the delay is constant, so FIFO is due order).
    var delayed: [(due: UInt64, message: WireMessage)] = []
    /// Matches already learned from, so a replayed match's GAME_OVER is not counted twice.
    var observed: Set<String> = []
    /// GAME_OVER messages received.
    public private(set) var matchesPlayed = 0
    public private(set) var leaguesCompleted = 0
    /// The manager refused the registration itself (e.g. an unsupported protocol version): no more tries.
    public private(set) var refused = false

    /// A player of `configuration.games`, with the strategies of `strategies` for every game but Even/Odd.
    public init(
        configuration: PlayerConfiguration, logger: Logger, transport: AgentTransport, now: UInt64 = MonotonicClock.now(),
        strategies: GameStrategies = .builtIn
    ) {
        self.configuration = configuration
        self.logger = logger
        self.connection = AgentConnection(
            role: "player", name: configuration.name, policy: configuration.link, seed: configuration.seed, now: now, transport: transport,
            logger: logger)
        self.strategy = configuration.strategy.make(seed: configuration.seed)
        var games: [GameType] = []
        for game in configuration.games where !games.contains(game) {
            if game == .evenOdd {
                games.append(game)
                continue
            }
            let kind = configuration.moveStrategies[game]
            guard let mover = strategies.make(game, kind: kind, seed: SeededGenerator.derive(configuration.seed, "game|\(game.rawValue)"))
            else {
                logger.error(
                    "no such strategy for the game; not declared",
                    metadata: ["game": "\(game.rawValue.prefix(32))", "strategy": "\(kind?.rawValue.prefix(32) ?? "default")"])
                continue
            }
            movers[game] = mover
            games.append(game)
        }
        self.games = games
    }

    /// The id the manager gave this player, once registered.
    public var playerID: String? { connection.agentID }

    /// Sends the registration.
    public func start(now: UInt64) {
        guard !refused else { return }
        let request = LeagueRegisterRequest(
            playerMeta: .init(displayName: configuration.name, version: "1.0.0", gameTypes: games.map(\.rawValue)))
        connection.register(request, now: now)
    }

    public var nextDeadline: UInt64? {
        guard !refused else { return delayed.first?.due }
        return min(connection.nextDeadline, delayed.first?.due ?? .max)
    }

    public func fireTimers(now: UInt64) {
        if !refused {
            switch connection.tick(now) {
            case .lost: delayed.removeAll()  // answers signed with a token the manager may no longer know
            case .reconnect: start(now: now)
            case .none, .sendHeartbeat: break
            }
        }
        var sent = 0
        while sent < delayed.count, delayed[sent].due <= now {
            connection.send(delayed[sent].message, now: now)
            sent += 1
        }
        delayed.removeFirst(sent)
    }

    /// Handles one message from the manager.
    public func receive(_ frames: [[UInt8]], now: UInt64) {
        connection.heard(now)
        do {
            let wire = try WireMessage.parse(frames, maxBodySize: WireMessage.maxReplySize)
            switch wire.type {
            case .leagueRegisterResponse: try registered(wire, now: now)
            case .gameInvitation: try invited(wire, now: now)
            case .chooseParityCall: try asked(wire, now: now)
            case .moveRequest: try moveRequested(wire, now: now)
            case .gameOver: try gameOver(wire)
            case .leagueCompleted:
                leaguesCompleted += 1
                logger.info("league completed")
            case .leagueError: try managerError(wire, now: now)
            case .gameError:
                logger.warning("referee reported an error", metadata: ["body": "\(String(decoding: wire.body.prefix(300), as: UTF8.self))"])
            case .heartbeat: connection.managerHeartbeat(wire)
            case .roundAnnouncement, .roundCompleted, .leagueStandingsUpdate, .leagueQueryResponse:
                break
            default:
                throw ProtocolError(.unknownMessageType, "a player does not accept \(wire.type.rawValue)")
            }
        } catch {
            logger.warning("rejected message", metadata: ["error": "\(error)"])
        }
    }

    private func managerError(_ wire: WireMessage, now: UInt64) throws(ProtocolError) {
        let error = try connection.codec.decode(LeagueError.self, from: wire.body).body
        logger.warning(
            "manager reported an error",
            metadata: ["code": "\(error.errorCode.rawValue)", "detail": "\(error.errorDescription.prefix(200))"])
        if connection.mustRegisterAgain(after: error) {
            start(now: now)
        } else if !connection.isRegistered, error.originalMessageType == MessageType.leagueRegisterRequest.rawValue,
            Self.permanentRefusals.contains(error.errorCode)
        {
            refused = true  // the registration itself is wrong: retrying will not help
            logger.error("registration refused; giving up", metadata: ["code": "\(error.errorCode.rawValue)"])
        }
    }

    /// Errors about the registration itself; anything else (E110, say) is worth another try after backoff.
    static let permanentRefusals: Set<ErrorCode> = [
        .protocolVersionMismatch, .missingRequiredField, .invalidFieldValue, .invalidJSON, .malformedFrames, .unknownMessageType,
    ]

    private func registered(_ wire: WireMessage, now: UInt64) throws(ProtocolError) {
        let response = try connection.codec.decode(LeagueRegisterResponse.self, from: wire.body).body
        guard response.status == .accepted, let id = response.playerID, let token = response.authToken else {
            logger.error("registration rejected; trying again after backoff", metadata: ["reason": "\(response.reason ?? "none given")"])
            return
        }
        connection.registered(id: id, token: token, now: now)
    }

    private func invited(_ wire: WireMessage, now: UInt64) throws(ProtocolError) {
        let message = try connection.codec.decode(GameInvitation.self, from: wire.body)
        guard let me = connection.agentID else { return }
        let ack = GameJoinAck(matchID: message.body.matchID, playerID: me, accept: true)
        answer(connection.session.message(ack, to: wire.peerID, conversationID: message.envelope.conversationID), now: now)
    }

    private func asked(_ wire: WireMessage, now: UInt64) throws(ProtocolError) {
        let message = try connection.codec.decode(ChooseParityCall.self, from: wire.body)
        guard let me = connection.agentID else { return }
        let call = message.body
        let choice = strategy.choose(
            ChoiceContext(
                matchID: call.matchID, opponentID: call.context.opponentID, roundID: call.context.roundID,
                standings: call.context.yourStandings,
                leagueOrdinal: leaguesCompleted))
        let response = ChooseParityResponse(matchID: call.matchID, playerID: me, parityChoice: choice.rawValue)
        answer(connection.session.message(response, to: wire.peerID, conversationID: message.envelope.conversationID), now: now)
    }

    /// MOVE_REQUEST: the game's strategy picks a move. A game it has no strategy for gets no answer (the
    /// referee's deadline decides).
    private func moveRequested(_ wire: WireMessage, now: UInt64) throws(ProtocolError) {
        let header = try connection.codec.decode(MoveRequestHeader.self, from: wire.body)
        guard let me = connection.agentID else { return }
        let game = header.body.gameType
        guard var mover = movers[game] else {
            logger.warning(
                "move request for a game this player does not play; not answered",
                metadata: ["game": "\(game.rawValue.prefix(32))", "match": "\(header.body.matchID.prefix(32))"])
            return
        }
        let (request, move) = try mover.answer(wire.body, codec: connection.codec, leagueOrdinal: leaguesCompleted)
        movers[game] = mover
        let response = MoveResponse(matchID: request.matchID, playerID: me, turn: request.turn, move: move.rawValue)
        answer(connection.session.message(response, to: wire.peerID, conversationID: header.envelope.conversationID), now: now)
    }

    private func gameOver(_ wire: WireMessage) throws(ProtocolError) {
        let message = try connection.codec.decode(GameOver.self, from: wire.body)
        let result = message.body.gameResult
        matchesPlayed += 1
        guard message.body.gameType == evenOddGameType else { return }  // the Even/Odd strategy learns from its own game only
        guard let me = connection.agentID, let opponent = result.choices.keys.first(where: { $0 != me }) else { return }
        guard observed.insert(message.envelope.conversationID + "|" + message.body.matchID).inserted else { return }
        strategy.observe(
            MatchObservation(
                opponentID: opponent, opponentChoice: result.choices[opponent].flatMap(ParityChoice.init(rawValue:)),
                drawnNumber: result.drawnNumber, won: result.winnerPlayerID == me))
    }

    private func answer(_ message: WireMessage, now: UInt64) {
        if configuration.thinkMilliseconds <= 0 {
            connection.send(message, now: now)
        } else {
            delayed.append((now + MonotonicClock.nanoseconds(milliseconds: configuration.thinkMilliseconds), message))
        }
    }
}

extension PlayerCore: AgentCore {
    public func beginShutdown(now: UInt64) { delayed.removeAll() }
    public var isDrained: Bool { true }
    public func leave(now: UInt64) {
        connection.send(AgentLeaving(reason: "shutting down"), conversationID: "conv-leaving", now: now)
    }
}
