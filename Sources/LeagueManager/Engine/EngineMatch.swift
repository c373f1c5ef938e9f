import LeagueFormats
import LeagueProtocol

/// A match by position: the league's index in the manager and the match's index in its league.
struct MatchRef: Hashable {
    let league: Int
    let match: Int
}

/// A lease as a referee names it when it registers again: league, match and lease number.
struct LeaseKey: Hashable {
    let league: LeagueID
    let match: MatchID
    let lease: Int
}

/// One scheduled match as its league engine tracks it.
struct EngineMatch {
    /// Where the match stands; a running match names the referee that holds its lease.
    enum Status: Equatable {
        case pending
        case running(referee: AgentID)
        case finished

        /// The status as reports show it.
        var reported: MatchStatus {
            switch self {
            case .pending: .pending
            case .running: .running
            case .finished: .finished
            }
        }

        /// The referee holding the lease, if the match is running.
        var referee: AgentID? {
            if case .running(let referee) = self { return referee }
            return nil
        }
    }

    let id: MatchID
    let round: Int
    /// Entrant indices, for the format.
    let pairing: Pairing
    let playerA: AgentID
    let playerB: AgentID
    let seed: UInt64
    var status = Status.pending
    /// The current lease number (0: never leased); results must name it.
    var lease = 0
    /// When the current lease began, and whether the referee acknowledged it.
    var leasedAt: UInt64 = 0
    var acknowledged = false
    /// MATCH_ASSIGNMENT sends of the current lease, and when the next resend is due.
    var attempts = 0
    var nextRetry: UInt64 = 0
    /// Messages of the current lease, for the transcript.
    var transcript: [MatchTranscript.Entry] = []
    var result: MatchResultReport.Result?

    var players: [AgentID] { [playerA, playerB] }

    /// How the match ended, as formats see it.
    var decision: MatchDecision? {
        guard let result else { return nil }
        if result.details.status == .draw { return .draw }
        switch result.winner {
        case playerA.rawValue?: return .aWins
        case playerB.rawValue?: return .bWins
        default: return .bothLost
        }
    }
}

/// What a league engine asks its manager to tell the world after a change.
enum EngineEvent: Equatable {
    /// New matches were added to the schedule (indices from `first`): store them before leasing.
    case scheduled(first: Int)
    /// Rounds up to this one are complete, in order: send LEAGUE_STANDINGS_UPDATE and ROUND_COMPLETED.
    case roundCompleted(Int)
    /// Every match is finished and the format has no more rounds.
    case leagueCompleted
}
