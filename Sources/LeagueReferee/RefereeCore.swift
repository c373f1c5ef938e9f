import LeagueAgent
import LeagueProtocol
import Logging
import ZeroMQ

/// A referee's logic: registers, accepts leased matches, runs Even/Odd with deadlines, reports results,
/// keeps its link to the manager alive and reconnects when it is lost.
///
/// Like ``ManagerCore`` it never touches a socket: frames come in through ``receive(_:now:)`` and go out
/// through an ``AgentTransport``. It lives on one event-loop thread.
public final class RefereeCore {
    let configuration: RefereeConfiguration
    let logger: Logger
    var connection: AgentConnection
    var runs: [String: MatchRun] = [:]
    /// False once shutting down: new assignments are declined.
    private(set) var accepting = true
    /// Matches decided and acknowledged by the manager.
    public private(set) var completedMatches = 0
    /// Messages that could not be acted on (bad frames, bad JSON, unknown match).
    public private(set) var rejectedMessages = 0

    public init(
        configuration: RefereeConfiguration, logger: Logger, transport: AgentTransport, now: UInt64 = MonotonicClock.now(), seed: UInt64 = 1
    ) {
        self.configuration = configuration
        self.logger = logger
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
                displayName: configuration.name, version: "1.0.0", gameTypes: [evenOddGameType],
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

    private func assigned(_ wire: WireMessage, now: UInt64) throws(ProtocolError) {
        let message = try connection.codec.decode(MatchAssignment.self, from: wire.body)
        let assignment = message.body
        let key = MatchRun.key(leagueID: assignment.leagueID, matchID: assignment.matchID)
        let ack = MatchAssignmentAck(
            leagueID: assignment.leagueID, matchID: assignment.matchID, leaseID: assignment.leaseID, accepted: accepting)
        connection.send(ack, conversationID: message.envelope.conversationID, now: now)
        guard accepting else { return }
        if let existing = runs[key], existing.leaseID >= assignment.leaseID { return }  // a resend of a lease already running
        let run = MatchRun(
            assignment: assignment, conversationID: message.envelope.conversationID,
            deadline: now + MonotonicClock.nanoseconds(milliseconds: configuration.joinTimeoutMilliseconds))
        runs[key] = run
        logger.debug(
            "match assigned",
            metadata: ["match": "\(assignment.matchID)", "league": "\(assignment.leagueID)", "lease": "\(assignment.leaseID)"])
        for (player, role) in [(assignment.playerAID, MatchRole.playerA), (assignment.playerBID, .playerB)] {
            let invitation = GameInvitation(
                leagueID: assignment.leagueID, roundID: assignment.roundID, matchID: assignment.matchID,
                gameType: assignment.gameType, roleInMatch: role, opponentID: run.opponent(of: player))
            connection.send(invitation, to: player, conversationID: run.conversationID, now: now)
        }
    }

    /// The run a player's message belongs to: its match id and the sending player must both match.
    private func run(for matchID: String, player: String) throws(ProtocolError) -> String {
        for (key, run) in runs where run.assignment.matchID == matchID && run.players.contains(player) { return key }
        throw ProtocolError(.matchNotFound, "\(player) is in no match \(matchID.prefix(20)) here")
    }

    private func joinAck(_ wire: WireMessage, now: UInt64) throws(ProtocolError) {
        let player = wire.peerID
        let message = try connection.codec.decode(GameJoinAck.self, from: wire.body).body
        guard message.playerID == player else {
            throw ProtocolError(.invalidFieldValue, "player_id \(message.playerID.prefix(20)) is not the sender \(player)")
        }
        let key = try run(for: message.matchID, player: player)
        guard var run = runs[key], run.phase == .joining else { return }  // late or repeated: nothing to do
        guard message.accept else {
            finish(
                key,
                outcome: EvenOddRules.forfeit(
                    playerA: run.assignment.playerAID, playerB: run.assignment.playerBID, failed: [player],
                    reason: "\(player) declined the invitation"), now: now)
            return
        }
        run.joined.insert(player)
        if run.joined.count == 2 {
            run.phase = .choosing
            run.deadline = now + MonotonicClock.nanoseconds(milliseconds: configuration.moveTimeoutMilliseconds)
            let deadline = Timestamp.format(epochMilliseconds: Timestamp.epochMilliseconds() + Int64(configuration.moveTimeoutMilliseconds))
            let assignment = run.assignment
            for (player, standing) in [
                (assignment.playerAID, assignment.playerAStandings), (assignment.playerBID, assignment.playerBStandings),
            ] {
                let call = ChooseParityCall(
                    matchID: assignment.matchID, playerID: player, gameType: assignment.gameType,
                    context: .init(opponentID: run.opponent(of: player), roundID: assignment.roundID, yourStandings: standing),
                    deadline: deadline)
                connection.send(call, to: player, conversationID: run.conversationID, now: now)
            }
        }
        runs[key] = run
    }

    private func choice(_ wire: WireMessage, now: UInt64) throws(ProtocolError) {
        let player = wire.peerID
        let response = try connection.codec.decode(ChooseParityResponse.self, from: wire.body).body
        guard response.playerID == player else {
            throw ProtocolError(.invalidFieldValue, "player_id \(response.playerID.prefix(20)) is not the sender \(player)")
        }
        let key = try run(for: response.matchID, player: player)
        guard var run = runs[key], run.phase == .choosing, run.choices[player] == nil else { return }
        guard let parity = ParityChoice(rawValue: response.parityChoice) else {
            sendGameError(
                matchID: response.matchID,
                error: ProtocolError(
                    .invalidParityChoice, "parity_choice must be \"even\" or \"odd\", got \"\(response.parityChoice.prefix(20))\""),
                to: player, conversationID: run.conversationID, now: now,
                action: "send a valid CHOOSE_PARITY_RESPONSE before the deadline",
                consequence: "TECHNICAL_LOSS if no valid choice arrives by the deadline")
            return
        }
        run.choices[player] = parity
        runs[key] = run
        guard run.choices.count == 2, let choiceA = run.choices[run.assignment.playerAID],
            let choiceB = run.choices[run.assignment.playerBID]
        else { return }
        // Both choices are in: only now is the number drawn.
        var generator = SeededGenerator(seed: run.assignment.seed)
        let number = EvenOddRules.draw(using: &generator)
        let outcome = EvenOddRules.decide(
            playerA: run.assignment.playerAID, choiceA: choiceA, playerB: run.assignment.playerBID, choiceB: choiceB, drawnNumber: number)
        finish(key, outcome: outcome, now: now)
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

    /// Fires due deadlines: missing joins or choices become technical losses; unacknowledged reports are
    /// resent; the link sends heartbeats and reconnects when the manager is lost.
    public func fireTimers(now: UInt64) {
        switch connection.tick(now) {
        case .lost: abandonUndecided()
        case .reconnect: start(now: now)
        case .none, .sendHeartbeat: break
        }
        for (key, run) in runs where run.deadline <= now {
            switch run.phase {
            case .joining:
                let missing = run.players.filter { !run.joined.contains($0) }
                finish(
                    key,
                    outcome: EvenOddRules.forfeit(
                        playerA: run.assignment.playerAID, playerB: run.assignment.playerBID, failed: missing,
                        reason: "no GAME_JOIN_ACK from \(missing.joined(separator: ", ")) by the deadline"), now: now)
            case .choosing:
                let missing = run.players.filter { run.choices[$0] == nil }
                finish(
                    key,
                    outcome: EvenOddRules.forfeit(
                        playerA: run.assignment.playerAID, playerB: run.assignment.playerBID, failed: missing,
                        reason: "no valid parity choice from \(missing.joined(separator: ", ")) by the deadline"), now: now)
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

    /// Tells both players the result, then reports it to the manager until acknowledged.
    private func finish(_ key: String, outcome: EvenOddRules.Outcome, now: UInt64) {
        guard var run = runs[key] else { return }
        let assignment = run.assignment
        let choices = Dictionary(uniqueKeysWithValues: run.choices.map { ($0.key, $0.value.rawValue) })
        let gameOver = GameOver(
            matchID: assignment.matchID, gameType: assignment.gameType,
            gameResult: .init(
                status: outcome.status, winnerPlayerID: outcome.winner, drawnNumber: outcome.drawnNumber,
                numberParity: outcome.drawnNumber.map(ParityChoice.init(of:)), choices: choices, reason: outcome.reason))
        for player in run.players { connection.send(gameOver, to: player, conversationID: run.conversationID, now: now) }
        let report = MatchResultReport(
            leagueID: assignment.leagueID, roundID: assignment.roundID, matchID: assignment.matchID, gameType: assignment.gameType,
            leaseID: assignment.leaseID,
            result: .init(
                winner: outcome.winner,
                score: EvenOddRules.score(outcome, playerA: assignment.playerAID, playerB: assignment.playerBID),
                details: .init(
                    status: outcome.status, drawnNumber: outcome.drawnNumber, choices: choices, seed: assignment.seed,
                    reason: outcome.reason, technicalLosers: outcome.technicalLosers)))
        let wire = connection.session.message(report, conversationID: "report-\(run.conversationID)")
        run.phase = .reporting
        run.report = wire
        run.deadline = now + MonotonicClock.nanoseconds(milliseconds: configuration.retryIntervalMilliseconds)
        runs[key] = run
        connection.send(wire, now: now)
        logger.debug(
            "match decided",
            metadata: ["match": "\(assignment.matchID)", "result": "\(outcome.status.rawValue)", "winner": "\(outcome.winner ?? "-")"])
    }

    private func sendGameError(
        matchID: String, error: ProtocolError, to player: String, conversationID: String, now: UInt64, action: String? = nil,
        consequence: String? = nil
    ) {
        let body = GameError(matchID: matchID, error: error, affectedPlayer: player, actionRequired: action, consequence: consequence)
        connection.send(body, to: player, conversationID: conversationID, now: now)
    }
}
