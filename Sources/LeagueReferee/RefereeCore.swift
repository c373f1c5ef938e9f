import LeagueAgent
import LeagueGames
import LeagueProtocol
import Logging
import ZeroMQ

/// A referee's logic: registers, accepts leased matches of the games of its catalog, runs them with
/// deadlines, reports results, keeps its link to the manager alive and reconnects when it is lost.
///
/// Like ``ManagerCore`` it never touches a socket: frames come in through ``receive(_:now:)`` and go out
/// through an ``AgentTransport``. It lives on one event-loop thread. Running a match is in
/// `RefereeCore+Match.swift`; a match's own logic is `MatchRun`.
public final class RefereeCore {
    let configuration: RefereeConfiguration
    let logger: Logger
    /// The games this referee can make.
    let catalog: GameCatalog
    /// The games it runs and declares: the configured ones its catalog knows, without repeats.
    public let games: [GameType]
    var connection: AgentConnection
    var runs: [String: MatchRun] = [:]
    /// False once shutting down: new assignments are declined.
    private(set) var accepting = true
    /// Matches decided and acknowledged by the manager.
    public private(set) var completedMatches = 0
    /// Messages that could not be acted on (bad frames, bad JSON, unknown match).
    public private(set) var rejectedMessages = 0

    public init(
        configuration: RefereeConfiguration, logger: Logger, transport: AgentTransport, now: UInt64 = MonotonicClock.now(),
        seed: UInt64 = 1,
        catalog: GameCatalog = .builtIn
    ) {
        self.configuration = configuration
        self.logger = logger
        self.catalog = catalog
        var games: [GameType] = []
        for game in configuration.games where !games.contains(game) {
            if catalog.contains(game) {
                games.append(game)
            } else {
                logger.error("configured game is not in the catalog; not declared", metadata: ["game": "\(game.rawValue.prefix(32))"])
            }
        }
        self.games = games
        self.connection = AgentConnection(
            role: "referee", name: configuration.name, policy: configuration.link, seed: seed, now: now, transport: transport,
            logger: logger)
    }

    /// The id the manager gave this referee, once registered.
    public var refereeID: String? { connection.agentID }

    /// Whether results are still waiting for the manager's acknowledgement.
    public var hasUnacknowledgedResults: Bool { runs.values.contains { $0.phase == .reporting } }

    /// Sends the registration, naming the results it still holds.
    public func start(now: UInt64) {
        let held = runs.values.filter { $0.phase == .reporting }.map {
            HeldLease(leagueID: $0.assignment.leagueID, matchID: $0.assignment.matchID, leaseID: $0.leaseID)
        }
        let request = RefereeRegisterRequest(
            refereeMeta: .init(
                displayName: configuration.name, version: "1.0.0", gameTypes: games.map(\.rawValue),
                maxConcurrentMatches: configuration.maxMatches),
            heldLeases: held.isEmpty ? nil : held)
        connection.register(request, now: now)
    }

    /// The earliest deadline of any match or of the link.
    public var nextDeadline: UInt64? {
        var next = connection.nextDeadline
        for run in runs.values where run.deadline < next { next = run.deadline }
        return next
    }

    /// Handles one message from the manager.
    public func receive(_ frames: [[UInt8]], now: UInt64) {
        connection.heard(now)
        do {
            let wire = try WireMessage.parse(frames, maxBodySize: WireMessage.maxReplySize)
            switch wire.type {
            case .refereeRegisterResponse: try registered(wire, now: now)
            case .matchAssignment: try assigned(wire, now: now)
            case .gameJoinAck: try joinAck(wire, now: now)
            case .chooseParityResponse: try choice(wire, now: now)
            case .moveResponse: try move(wire, now: now)
            case .matchResultAck: try acknowledged(wire)
            case .leagueError: try managerError(wire, now: now)
            case .heartbeat: connection.managerHeartbeat(wire)
            case .leagueCompleted, .roundAnnouncement, .roundCompleted, .leagueStandingsUpdate, .leagueQueryResponse:
                break
            default:
                throw ProtocolError(.unknownMessageType, "a referee does not accept \(wire.type.rawValue)")
            }
        } catch {
            rejectedMessages += 1
            logger.warning("rejected message", metadata: ["error": "\(error)"])
            if let failure = error as? ProtocolError, frames.count == 5, !frames[2].isEmpty {
                // A player's message that could not be used: tell the player.
                let player = String(decoding: frames[2], as: UTF8.self)
                sendGameError(matchID: "", error: failure, to: player, conversationID: "conv-error", now: now)
            }
        }
    }

    private func registered(_ wire: WireMessage, now: UInt64) throws(ProtocolError) {
        let response = try connection.codec.decode(RefereeRegisterResponse.self, from: wire.body).body
        guard response.status == .accepted, let id = response.refereeID, let token = response.authToken else {
            logger.error("registration rejected; trying again after backoff", metadata: ["reason": "\(response.reason ?? "none given")"])
            return
        }
        connection.registered(id: id, token: token, now: now)
        for run in runs.values where run.phase == .reporting {
            // The players' GAME_OVER may have been lost with the old link (a manager killed before it flushed):
            // send it again before the result, while the match is still theirs. Players learn from a match once.
            if let gameOver = run.gameOver {
                for player in run.players { connection.send(gameOver, to: player, conversationID: run.conversationID, now: now) }
            }
            if let report = run.report { connection.send(report.resigned(with: connection.session), now: now) }
        }
    }

    /// LEAGUE_ERROR: register again if the manager forgot us; drop a result it will never take.
    private func managerError(_ wire: WireMessage, now: UInt64) throws(ProtocolError) {
        let message = try connection.codec.decode(LeagueError.self, from: wire.body)
        let error = message.body
        logger.warning(
            "manager reported an error",
            metadata: [
                "code": "\(error.errorCode.rawValue)", "detail": "\(error.errorDescription.prefix(200))",
                "type": "\(error.originalMessageType ?? "-")",
            ])
        if connection.mustRegisterAgain(after: error) {
            start(now: now)
        } else if error.originalMessageType == MessageType.matchResultReport.rawValue,
            [.resultRejected, .matchNotFound, .leagueNotFound, .invalidFieldValue].contains(error.errorCode),
            let key = runs.first(where: { $0.value.report != nil && "report-\($0.value.conversationID)" == message.envelope.conversationID }
            )?.key
        {
            runs[key] = nil  // the manager will never accept this result (e.g. the lease was taken back)
        }
    }

    private func acknowledged(_ wire: WireMessage) throws(ProtocolError) {
        let ack = try connection.codec.decode(MatchResultAck.self, from: wire.body).body
        let key = MatchRun.key(leagueID: ack.leagueID, matchID: ack.matchID)
        guard let run = runs[key], run.phase == .reporting, ack.leaseID.map({ $0 == run.leaseID }) ?? true else { return }
        runs[key] = nil
        completedMatches += 1
        if ack.status == .rejected {
            logger.warning("result not accepted", metadata: ["match": "\(ack.matchID)", "reason": "\(ack.reason ?? "-")"])
        }
    }

    /// Fires due deadlines: missing joins or moves become technical losses; unacknowledged reports are
    /// resent; the link sends heartbeats and reconnects when the manager is lost.
    public func fireTimers(now: UInt64) {
        switch connection.tick(now) {
        case .lost: abandonUndecided()
        case .reconnect: start(now: now)
        case .none, .sendHeartbeat: break
        }
        for (key, run) in runs where run.deadline <= now {
            switch run.phase {
            case .joining, .playing:
                finish(key, verdict: run.expired(), now: now)
            case .reporting:
                if connection.isRegistered, let report = run.report { connection.send(report.resigned(with: connection.session), now: now) }
                runs[key]?.deadline = now + MonotonicClock.nanoseconds(milliseconds: configuration.retryIntervalMilliseconds)
            }
        }
    }

    /// Shutting down: declines new matches and hands back the undecided ones (the manager replays them
    /// elsewhere); results already decided are still reported. Call ``leave(now:)`` once they are acknowledged.
    public func beginShutdown(now: UInt64) {
        accepting = false
        abandonUndecided()
    }

    /// Tells the manager this referee is gone.
    public func leave(now: UInt64) {
        connection.send(AgentLeaving(reason: "shutting down"), conversationID: "conv-leaving", now: now)
    }

    /// Drops matches not yet decided: their players' answers may be lost with the link, so the manager
    /// replays them (from the start, with the same seed) under a new lease.
    private func abandonUndecided() {
        let dropped = runs.filter { $0.value.phase != .reporting }
        for key in dropped.keys { runs[key] = nil }
        if !dropped.isEmpty { logger.info("handed back undecided matches", metadata: ["count": "\(dropped.count)"]) }
    }

    func sendGameError(
        matchID: String, error: ProtocolError, to player: String, conversationID: String, now: UInt64, action: String? = nil,
        consequence: String? = nil
    ) {
        let body = GameError(matchID: matchID, error: error, affectedPlayer: player, actionRequired: action, consequence: consequence)
        connection.send(body, to: player, conversationID: conversationID, now: now)
    }
}
