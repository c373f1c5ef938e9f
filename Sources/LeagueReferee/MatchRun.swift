import LeagueGames
import LeagueProtocol

/// One match a referee is running, of any game and without any wire format:
/// WAITING_FOR_PLAYERS → PLAYING (one move request after another) → decided → reported.
///
/// It decides what happens to joins, moves and deadlines; ``RefereeCore`` turns that into messages.
struct MatchRun {
    enum Phase: Equatable {
        case joining
        /// Move requests are out: ``turn`` is the current one.
        case playing
        /// Decided; MATCH_RESULT_REPORT sent and resent until acknowledged.
        case reporting
    }

    /// How the match talks to its players.
    enum Dialect: Equatable {
        /// league.v2's Even/Odd messages: CHOOSE_PARITY_CALL and CHOOSE_PARITY_RESPONSE, E004.
        case parity
        /// MOVE_REQUEST and MOVE_RESPONSE, for every other game.
        case moves
    }

    /// What the match needs next.
    enum Progress: Equatable {
        /// Nothing to send yet.
        case waiting
        /// Send the move requests of ``turn`` to these seats.
        case ask([Seat])
        /// The match is over.
        case decided(MatchVerdict)
    }

    /// What becomes of a move.
    enum MoveResult: Equatable {
        /// Late, repeated or before the first request: dropped without a word.
        case ignored
        /// For another turn than the current one, or from a seat not on turn: a GAME_ERROR, nothing changes.
        case outOfTurn(String)
        /// Refused by the rules; with a verdict when the refusal is a technical loss.
        case refused(IllegalMove, verdict: MatchVerdict?)
        case accepted(Progress)
    }

    let assignment: MatchAssignment
    let conversationID: String
    let dialect: Dialect
    var phase = Phase.joining
    /// The join or move deadline, or when to resend the report.
    var deadline: UInt64
    var joined: Set<String> = []
    var session: any MatchSession
    /// The number of the current move request (1 for the first); 0 before the first.
    var turn = 0
    /// Legal moves received for the current request, until every seat on turn has one.
    var pending: [Seat: Move] = [:]
    var report: WireMessage?
    /// The GAME_OVER both players were sent, sent again after a reconnect (it may have been lost with the link).
    var gameOver: GameOver?

    init(assignment: MatchAssignment, conversationID: String, session: any MatchSession, deadline: UInt64) {
        self.assignment = assignment
        self.conversationID = conversationID
        self.session = session
        self.deadline = deadline
        dialect = session.gameType == .evenOdd ? .parity : .moves
    }

    /// The lease this run belongs to.
    var leaseID: Int { assignment.leaseID }

    var players: [String] { [assignment.playerAID, assignment.playerBID] }

    func player(at seat: Seat) -> String { seat == .a ? assignment.playerAID : assignment.playerBID }

    func seat(of player: String) -> Seat? {
        if player == assignment.playerAID { return .a }
        return player == assignment.playerBID ? .b : nil
    }

    func opponent(of player: String) -> String {
        player == assignment.playerAID ? assignment.playerBID : assignment.playerAID
    }

    static func key(leagueID: String, matchID: String) -> String { leagueID + "/" + matchID }

    /// `player` accepted the invitation; with both in, the first request goes out.
    mutating func join(_ player: String) -> Progress {
        guard phase == .joining else { return .waiting }
        joined.insert(player)
        guard joined.count == 2 else { return .waiting }
        phase = .playing
        return nextRequest()
    }

    /// A move from `seat`; `turn` is the request it answers (`nil`: Even/Odd's choice, which names none).
    mutating func receive(_ move: Move, from seat: Seat, turn: Int?) -> MoveResult {
        guard phase == .playing else { return .ignored }
        if let turn, turn != self.turn {
            return .outOfTurn("turn \(turn) is not the current turn \(self.turn)")
        }
        guard session.turn.seats.contains(seat) else { return .outOfTurn("it is not your turn: turn \(self.turn) is the opponent's") }
        guard pending[seat] == nil else { return .ignored }  // the first legal move is final
        do {
            try session.check(move, for: seat)
        } catch {
            switch session.invalidMovePolicy {
            case .askAgain: return .refused(error.reason, verdict: nil)
            case .technicalLoss:
                let loser = player(at: seat)
                return .refused(error.reason, verdict: forfeit([loser], "\(loser) made an illegal move: \(error.reason.detail)"))
            }
        }
        pending[seat] = move
        guard session.turn.seats.allSatisfy({ pending[$0] != nil }) else { return .accepted(.waiting) }
        do {
            try session.apply(pending)
        } catch {
            let loser = player(at: error.seat)
            return .accepted(.decided(forfeit([loser], "\(loser) made an illegal move: \(error.reason.detail)")))
        }
        pending = [:]
        return .accepted(nextRequest())
    }

    /// The deadline passed: whoever still owes an answer loses technically.
    func expired() -> MatchVerdict {
        switch phase {
        case .joining:
            let missing = players.filter { !joined.contains($0) }
            return forfeit(missing, "no GAME_JOIN_ACK from \(missing.joined(separator: ", ")) by the deadline")
        case .playing, .reporting:
            let missing = session.turn.seats.filter { pending[$0] == nil }.map(player(at:))
            let what = dialect == .parity ? "no valid parity choice" : "no legal move for turn \(turn)"
            return forfeit(missing, "\(what) from \(missing.joined(separator: ", ")) by the deadline")
        }
    }

    func forfeit(_ failed: [String], _ reason: String) -> MatchVerdict {
        MatchVerdict.forfeit(playerA: assignment.playerAID, playerB: assignment.playerBID, failed: failed, reason: reason)
    }

    /// The next request, or the verdict when the rules have decided.
    private mutating func nextRequest() -> Progress {
        if let outcome = session.outcome {
            let drawn = (session as? GameSession<EvenOdd>)?.state.drawnNumber
            var verdict = MatchVerdict(outcome: outcome, playerA: assignment.playerAID, playerB: assignment.playerBID, drawnNumber: drawn)
            if dialect == .parity { verdict.gameScore = nil }  // league.v2's messages have no game score
            return .decided(verdict)
        }
        turn += 1
        return .ask(session.turn.seats)
    }

    /// Each player's last legal move, applied or still pending (GAME_OVER's `choices`).
    var lastMoves: [String: String] {
        var moves: [String: String] = [:]
        for played in session.moves { moves[player(at: played.seat)] = played.move.rawValue }
        for (seat, move) in pending { moves[player(at: seat)] = move.rawValue }
        return moves
    }

    /// Every move applied, in play order; `nil` for Even/Odd, whose messages have no such list.
    var moveRecords: [MoveRecord]? {
        guard dialect == .moves else { return nil }
        return session.moves.map { MoveRecord(playerID: player(at: $0.seat), move: $0.move.rawValue) }
    }
}
