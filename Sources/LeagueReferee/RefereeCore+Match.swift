import LeagueAgent
import LeagueGames
import LeagueProtocol
import Logging
import ZeroMQ

/// Running matches: the assignment, the players' joins and moves in either dialect, the requests, and the
/// result. What each message means for the match is ``MatchRun``'s to decide.
extension RefereeCore {
    func assigned(_ wire: WireMessage, now: UInt64) throws(ProtocolError) {
        let message = try connection.codec.decode(MatchAssignment.self, from: wire.body)
        let assignment = message.body
        let key = MatchRun.key(leagueID: assignment.leagueID, matchID: assignment.matchID)
        func acknowledge(_ accepted: Bool, reason: String? = nil) {
            let ack = MatchAssignmentAck(
                leagueID: assignment.leagueID, matchID: assignment.matchID, leaseID: assignment.leaseID, accepted: accepted, reason: reason)
            connection.send(ack, conversationID: message.envelope.conversationID, now: now)
        }
        guard accepting else { return acknowledge(false, reason: "shutting down") }
        if let existing = runs[key], existing.leaseID >= assignment.leaseID { return acknowledge(true) }  // a resend of a running lease
        let session: any MatchSession
        do {
            session = try makeSession(for: assignment)
        } catch {
            logger.warning(
                "declined an assignment",
                metadata: ["match": "\(assignment.matchID)", "league": "\(assignment.leagueID)", "reason": "\(error.detail)"])
            return acknowledge(false, reason: error.detail)
        }
        acknowledge(true)
        let run = MatchRun(
            assignment: assignment, conversationID: message.envelope.conversationID, session: session,
            deadline: now + MonotonicClock.nanoseconds(milliseconds: configuration.joinTimeoutMilliseconds))
        runs[key] = run
        logger.debug(
            "match assigned",
            metadata: [
                "match": "\(assignment.matchID)", "league": "\(assignment.leagueID)", "lease": "\(assignment.leaseID)",
                "game": "\(assignment.gameType.prefix(32))",
            ])
        for (player, role) in [(assignment.playerAID, MatchRole.playerA), (assignment.playerBID, .playerB)] {
            let invitation = GameInvitation(
                leagueID: assignment.leagueID, roundID: assignment.roundID, matchID: assignment.matchID,
                gameType: assignment.gameType, roleInMatch: role, opponentID: run.opponent(of: player))
            connection.send(invitation, to: player, conversationID: run.conversationID, now: now)
        }
    }

    /// The game of `assignment`, started with its seed, if this referee runs it with those options.
    private func makeSession(for assignment: MatchAssignment) throws(ProtocolError) -> any MatchSession {
        let type = GameType(assignment.gameType)
        guard games.contains(type) || !catalog.contains(type) else {
            throw ProtocolError(.invalidFieldValue, "this referee does not run \"\(assignment.gameType.prefix(32))\"")
        }
        do {
            return try catalog.session(for: type, options: assignment.gameOptions ?? [:], seed: assignment.seed)
        } catch {
            throw ProtocolError(.invalidFieldValue, error.description)
        }
    }

    /// The run a player's message belongs to: its match id and the sending player must both match.
    func run(for matchID: String, player: String) throws(ProtocolError) -> String {
        for (key, run) in runs where run.assignment.matchID == matchID && run.players.contains(player) { return key }
        throw ProtocolError(.matchNotFound, "\(player) is in no match \(matchID.prefix(20)) here")
    }

    func joinAck(_ wire: WireMessage, now: UInt64) throws(ProtocolError) {
        let player = wire.peerID
        let message = try connection.codec.decode(GameJoinAck.self, from: wire.body).body
        try checkSender(message.playerID, is: player)
        let key = try run(for: message.matchID, player: player)
        guard var run = runs[key], run.phase == .joining else { return }  // late or repeated: nothing to do
        guard message.accept else {
            return finish(key, verdict: run.forfeit([player], "\(player) declined the invitation"), now: now)
        }
        let progress = run.join(player)
        runs[key] = run
        advance(key, progress, now: now)
    }

    /// CHOOSE_PARITY_RESPONSE: Even/Odd's move.
    func choice(_ wire: WireMessage, now: UInt64) throws(ProtocolError) {
        let player = wire.peerID
        let response = try connection.codec.decode(ChooseParityResponse.self, from: wire.body).body
        try checkSender(response.playerID, is: player)
        let key = try run(for: response.matchID, player: player)
        guard let run = runs[key], let seat = run.seat(of: player) else { return }
        guard run.dialect == .parity else {
            throw ProtocolError(.unknownMessageType, "match \(response.matchID.prefix(20)) is played with MOVE_RESPONSE")
        }
        play(Move(response.parityChoice), from: seat, turn: nil, in: key, now: now)
    }

    /// MOVE_RESPONSE: every other game's move.
    func move(_ wire: WireMessage, now: UInt64) throws(ProtocolError) {
        let player = wire.peerID
        let response = try connection.codec.decode(MoveResponse.self, from: wire.body).body
        try checkSender(response.playerID, is: player)
        let key = try run(for: response.matchID, player: player)
        guard let run = runs[key], let seat = run.seat(of: player) else { return }
        guard run.dialect == .moves else {
            throw ProtocolError(.unknownMessageType, "match \(response.matchID.prefix(20)) is even_odd: answer with CHOOSE_PARITY_RESPONSE")
        }
        play(Move(response.move), from: seat, turn: response.turn, in: key, now: now)
    }

    private func checkSender(_ playerID: String, is player: String) throws(ProtocolError) {
        guard playerID == player else {
            throw ProtocolError(.invalidFieldValue, "player_id \(playerID.prefix(20)) is not the sender \(player)")
        }
    }

    private func play(_ move: Move, from seat: Seat, turn: Int?, in key: String, now: UInt64) {
        guard var run = runs[key] else { return }
        let result = run.receive(move, from: seat, turn: turn)
        runs[key] = run
        let player = run.player(at: seat)
        let matchID = run.assignment.matchID
        switch result {
        case .ignored: break
        case .outOfTurn(let detail):
            sendGameError(
                matchID: matchID, error: ProtocolError(.invalidState, detail), to: player, conversationID: run.conversationID, now: now,
                action: "answer the MOVE_REQUEST of turn \(run.turn)", consequence: "the move was not counted")
        case .refused(let reason, let verdict):
            let error =
                run.dialect == .parity
                ? ProtocolError(.invalidParityChoice, "parity_choice must be \"even\" or \"odd\", got \"\(move.rawValue.prefix(20))\"")
                : ProtocolError(.invalidMove, "turn \(run.turn): \(reason.detail)")
            let action =
                run.dialect == .parity
                ? "send a valid CHOOSE_PARITY_RESPONSE before the deadline" : "send a legal MOVE_RESPONSE before the deadline"
            if let verdict {
                sendGameError(
                    matchID: matchID, error: error, to: player, conversationID: run.conversationID, now: now, consequence: "TECHNICAL_LOSS")
                finish(key, verdict: verdict, now: now)
            } else {
                let what = run.dialect == .parity ? "valid choice" : "legal move"
                sendGameError(
                    matchID: matchID, error: error, to: player, conversationID: run.conversationID, now: now, action: action,
                    consequence: "TECHNICAL_LOSS if no \(what) arrives by the deadline")
            }
        case .accepted(let progress): advance(key, progress, now: now)
        }
    }

    /// Sends the requests the match asks for, or its result.
    private func advance(_ key: String, _ progress: MatchRun.Progress, now: UInt64) {
        switch progress {
        case .waiting: break
        case .decided(let verdict): finish(key, verdict: verdict, now: now)
        case .ask(let seats): ask(seats, in: key, now: now)
        }
    }

    /// Asks `seats` for the current turn's moves and starts the move deadline.
    private func ask(_ seats: [Seat], in key: String, now: UInt64) {
        guard var run = runs[key] else { return }
        run.deadline = now + MonotonicClock.nanoseconds(milliseconds: configuration.moveTimeoutMilliseconds)
        runs[key] = run
        let deadline = Timestamp.format(epochMilliseconds: Timestamp.epochMilliseconds() + Int64(configuration.moveTimeoutMilliseconds))
        let assignment = run.assignment
        for seat in seats {
            let player = run.player(at: seat)
            let body: any MessageBody
            switch run.dialect {
            case .parity:
                body = ChooseParityCall(
                    matchID: assignment.matchID, playerID: player, gameType: assignment.gameType,
                    context: .init(
                        opponentID: run.opponent(of: player), roundID: assignment.roundID,
                        yourStandings: seat == .a ? assignment.playerAStandings : assignment.playerBStandings),
                    deadline: deadline)
            case .moves:
                body = Self.moveRequest(
                    run.session.view(for: seat), matchID: assignment.matchID, playerID: player, gameType: run.session.gameType,
                    turn: run.turn, legalMoves: run.session.legalMoves(for: seat).map(\.rawValue), deadline: deadline, role: seat.role)
            }
            connection.send(body, to: player, conversationID: run.conversationID, now: now)
        }
    }

    /// A MOVE_REQUEST carrying `view` as its state, whatever the game's view type is.
    private static func moveRequest<View: GameView>(
        _ view: View, matchID: String, playerID: String, gameType: GameType, turn: Int, legalMoves: [String], deadline: String,
        role: MatchRole
    ) -> any MessageBody {
        MoveRequest(
            matchID: matchID, playerID: playerID, gameType: gameType, turn: turn, state: view, legalMoves: legalMoves, deadline: deadline,
            roleInMatch: role)
    }

    /// Tells both players the result, then reports it to the manager until acknowledged.
    func finish(_ key: String, verdict: MatchVerdict, now: UInt64) {
        guard var run = runs[key] else { return }
        let assignment = run.assignment
        let choices = run.lastMoves
        let moves = run.moveRecords
        let gameOver = GameOver(
            matchID: assignment.matchID, gameType: assignment.gameType,
            gameResult: .init(
                status: verdict.status, winnerPlayerID: verdict.winner, drawnNumber: verdict.drawnNumber,
                numberParity: verdict.drawnNumber.map(ParityChoice.init(of:)), choices: choices, reason: verdict.reason,
                score: verdict.gameScore, moves: moves))
        for player in run.players { connection.send(gameOver, to: player, conversationID: run.conversationID, now: now) }
        let report = MatchResultReport(
            leagueID: assignment.leagueID, roundID: assignment.roundID, matchID: assignment.matchID, gameType: assignment.gameType,
            leaseID: assignment.leaseID,
            result: .init(
                winner: verdict.winner,
                score: verdict.leaguePoints(playerA: assignment.playerAID, playerB: assignment.playerBID),
                details: .init(
                    status: verdict.status, drawnNumber: verdict.drawnNumber, choices: choices, seed: assignment.seed,
                    reason: verdict.reason, technicalLosers: verdict.technicalLosers, moves: moves, gameScore: verdict.gameScore)))
        let wire = connection.session.message(report, conversationID: "report-\(run.conversationID)")
        run.phase = .reporting
        run.report = wire
        run.gameOver = gameOver
        run.deadline = now + MonotonicClock.nanoseconds(milliseconds: configuration.retryIntervalMilliseconds)
        runs[key] = run
        connection.send(wire, now: now)
        logger.debug(
            "match decided",
            metadata: ["match": "\(assignment.matchID)", "result": "\(verdict.status.rawValue)", "winner": "\(verdict.winner ?? "-")"])
    }
}
