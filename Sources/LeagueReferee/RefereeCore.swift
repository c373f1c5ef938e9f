import LeagueAgent
import LeagueProtocol
import Logging
import ZeroMQ

/// A referee's logic: registers, accepts leased matches, runs Even/Odd with deadlines, reports results.
///
/// Like ``ManagerCore`` it never touches a socket: frames come in through ``receive(_:now:)`` and go out
/// through `transmit`. It lives on one event-loop thread.
public final class RefereeCore {
    /// Sends one message to the manager (which forwards it when `peer` names a player).
    public typealias Transmit = (WireMessage) -> Bool

    let configuration: RefereeConfiguration
    let logger: Logger
    let transmit: Transmit
    var session: AgentSession
    var runs: [String: MatchRun] = [:]
    var registrationRetryAt: UInt64?
    /// Matches decided and acknowledged by the manager.
    public private(set) var completedMatches = 0
    /// Messages that could not be acted on (bad frames, bad JSON, unknown match).
    public private(set) var rejectedMessages = 0

    public init(configuration: RefereeConfiguration, logger: Logger, transmit: @escaping Transmit) {
        self.configuration = configuration
        self.logger = logger
        self.transmit = transmit
        self.session = AgentSession(role: "referee", displayName: configuration.name)
    }

    /// The id the manager gave this referee, once registered.
    public var refereeID: String? { session.agentID }

    /// Sends the registration; it is repeated until the manager answers.
    public func start(now: UInt64) {
        let request = RefereeRegisterRequest(
            refereeMeta: .init(
                displayName: configuration.name, version: "1.0.0", gameTypes: [evenOddGameType],
                maxConcurrentMatches: configuration.maxMatches))
        _ = transmit(session.message(request, conversationID: "conv-register-\(configuration.name)"))
        registrationRetryAt = now + MonotonicClock.nanoseconds(milliseconds: configuration.retryIntervalMilliseconds * 2)
    }

    /// The earliest deadline of any match, or of the registration retry.
    public var nextDeadline: UInt64? {
        var next = registrationRetryAt
        for run in runs.values where run.deadline < (next ?? .max) { next = run.deadline }
        return next
    }

    /// Handles one message from the manager.
    public func receive(_ frames: [[UInt8]], now: UInt64) {
        do {
            let wire = try WireMessage.parse(frames, maxBodySize: WireMessage.maxReplySize)
            switch wire.type {
            case .refereeRegisterResponse: try registered(wire)
            case .matchAssignment: try assigned(wire, now: now)
            case .gameJoinAck: try joinAck(wire, now: now)
            case .chooseParityResponse: try choice(wire, now: now)
            case .matchResultAck: try acknowledged(wire)
            case .leagueError:
                let error = session.codec.envelope(of: wire.body).map { "conversation \($0.conversationID)" } ?? ""
                logger.warning(
                    "manager reported an error",
                    metadata: ["body": "\(String(decoding: wire.body.prefix(300), as: UTF8.self))", "context": "\(error)"])
            case .leagueCompleted, .roundAnnouncement, .roundCompleted, .leagueStandingsUpdate, .leagueQueryResponse:
                logger.debug("notice", metadata: ["type": "\(wire.type.rawValue)"])
            default:
                throw ProtocolError(.unknownMessageType, "a referee does not accept \(wire.type.rawValue)")
            }
        } catch {
            rejectedMessages += 1
            logger.warning("rejected message", metadata: ["error": "\(error)"])
            if let failure = error as? ProtocolError, frames.count == 5, !frames[2].isEmpty {
                // A player's message that could not be used: tell the player.
                let player = String(decoding: frames[2], as: UTF8.self)
                sendGameError(matchID: "", error: failure, to: player, conversationID: "conv-error")
            }
        }
    }

    private func registered(_ wire: WireMessage) throws(ProtocolError) {
        let response = try session.codec.decode(RefereeRegisterResponse.self, from: wire.body).body
        guard response.status == .accepted, let id = response.refereeID, let token = response.authToken else {
            logger.error("registration rejected", metadata: ["reason": "\(response.reason ?? "none given")"])
            registrationRetryAt = nil
            return
        }
        session.registered(id: id, token: token)
        registrationRetryAt = nil
        logger.info("registered", metadata: ["agent": "\(id)"])
    }

    private func assigned(_ wire: WireMessage, now: UInt64) throws(ProtocolError) {
        let message = try session.codec.decode(MatchAssignment.self, from: wire.body)
        let assignment = message.body
        let key = MatchRun.key(leagueID: assignment.leagueID, matchID: assignment.matchID)
        guard runs[key] == nil else { return }  // a repeated lease of a match already running here
        let run = MatchRun(
            assignment: assignment, conversationID: message.envelope.conversationID,
            deadline: now + MonotonicClock.nanoseconds(milliseconds: configuration.joinTimeoutMilliseconds))
        runs[key] = run
        logger.debug("match assigned", metadata: ["match": "\(assignment.matchID)", "league": "\(assignment.leagueID)"])
        for (player, role) in [(assignment.playerAID, MatchRole.playerA), (assignment.playerBID, .playerB)] {
            let invitation = GameInvitation(
                leagueID: assignment.leagueID, roundID: assignment.roundID, matchID: assignment.matchID,
                gameType: assignment.gameType, roleInMatch: role, opponentID: run.opponent(of: player))
            _ = transmit(session.message(invitation, to: player, conversationID: run.conversationID))
        }
    }

    /// The run a player's message belongs to: its match id and the sending player must both match.
    private func run(for matchID: String, player: String) throws(ProtocolError) -> String {
        for (key, run) in runs where run.assignment.matchID == matchID && run.players.contains(player) { return key }
        throw ProtocolError(.matchNotFound, "\(player) is in no match \(matchID.prefix(20)) here")
    }

    private func joinAck(_ wire: WireMessage, now: UInt64) throws(ProtocolError) {
        let player = wire.peerID
        let message = try session.codec.decode(GameJoinAck.self, from: wire.body).body
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
                _ = transmit(session.message(call, to: player, conversationID: run.conversationID))
            }
        }
        runs[key] = run
    }

    private func choice(_ wire: WireMessage, now: UInt64) throws(ProtocolError) {
        let player = wire.peerID
        let message = try session.codec.decode(ChooseParityResponse.self, from: wire.body)
        let response = message.body
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
                to: player, conversationID: run.conversationID,
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
        let ack = try session.codec.decode(MatchResultAck.self, from: wire.body).body
        let key = MatchRun.key(leagueID: ack.leagueID, matchID: ack.matchID)
        guard let run = runs[key], run.phase == .reporting else { return }
        runs[key] = nil
        completedMatches += 1
        if ack.status == .rejected {
            logger.warning("result not accepted", metadata: ["match": "\(ack.matchID)", "reason": "\(ack.reason ?? "-")"])
        }
    }

    /// Fires due deadlines: missing joins or choices become technical losses; unacknowledged reports are resent.
    public func fireTimers(now: UInt64) {
        if let retry = registrationRetryAt, retry <= now, !session.isRegistered { start(now: now) }
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
                if let report = run.report { _ = transmit(report) }
                runs[key]?.deadline = now + MonotonicClock.nanoseconds(milliseconds: configuration.retryIntervalMilliseconds)
            }
        }
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
        for player in run.players { _ = transmit(session.message(gameOver, to: player, conversationID: run.conversationID)) }
        let report = MatchResultReport(
            leagueID: assignment.leagueID, roundID: assignment.roundID, matchID: assignment.matchID, gameType: assignment.gameType,
            result: .init(
                winner: outcome.winner,
                score: EvenOddRules.score(outcome, playerA: assignment.playerAID, playerB: assignment.playerBID),
                details: .init(
                    status: outcome.status, drawnNumber: outcome.drawnNumber, choices: choices, seed: assignment.seed,
                    reason: outcome.reason, technicalLosers: outcome.technicalLosers)))
        let wire = session.message(report, conversationID: "report-\(run.conversationID)")
        run.phase = .reporting
        run.report = wire
        run.deadline = now + MonotonicClock.nanoseconds(milliseconds: configuration.retryIntervalMilliseconds)
        runs[key] = run
        _ = transmit(wire)
        logger.debug(
            "match decided",
            metadata: ["match": "\(assignment.matchID)", "result": "\(outcome.status.rawValue)", "winner": "\(outcome.winner ?? "-")"])
    }

    private func sendGameError(
        matchID: String, error: ProtocolError, to player: String, conversationID: String, action: String? = nil, consequence: String? = nil
    ) {
        let body = GameError(matchID: matchID, error: error, affectedPlayer: player, actionRequired: action, consequence: consequence)
        _ = transmit(session.message(body, to: player, conversationID: conversationID))
    }
}
