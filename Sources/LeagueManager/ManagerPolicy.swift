import LeagueProtocol

/// The manager's timing rules. Defaults follow the ZeroMQ guide's Paranoid Pirate numbers and league.v2's
/// retry policy; tests shorten them.
public struct ManagerPolicy: Sendable, Hashable {
    /// Heartbeats go out this often, both ways.
    public var heartbeatMilliseconds: Int
    /// An agent silent for `heartbeatMilliseconds × liveness` is dead.
    public var liveness: Int
    /// How long a vanished player may stay away before its remaining matches are forfeited as they come up.
    public var playerGraceMilliseconds: Int
    /// First wait for a MATCH_ASSIGNMENT_ACK; doubles with each resend.
    public var assignmentRetryMilliseconds: Int
    /// Resends before the lease is taken back.
    public var assignmentRetries: Int
    /// Consecutive failures that open a referee's circuit breaker, and how long it stays open.
    public var breakerThreshold: Int
    public var breakerCooldownMilliseconds: Int
    /// When set, START_LEAGUE must carry this token in its token frame; registered agents may never start
    /// a league (a player that picks the seed could predict every draw).
    public var operatorToken: String?
    /// The games leagues may be started for, besides those a registered referee declares: the built-in games
    /// of whoever starts the manager (the manager itself knows no game).
    public var hostedGames: Set<GameType>

    public init(
        heartbeatMilliseconds: Int = 1_000, liveness: Int = 3, playerGraceMilliseconds: Int = 10_000,
        assignmentRetryMilliseconds: Int = 500, assignmentRetries: Int = 3, breakerThreshold: Int = 5,
        breakerCooldownMilliseconds: Int = 60_000, operatorToken: String? = nil, hostedGames: Set<GameType> = []
    ) {
        self.hostedGames = hostedGames
        self.heartbeatMilliseconds = heartbeatMilliseconds
        self.liveness = liveness
        self.playerGraceMilliseconds = playerGraceMilliseconds
        self.assignmentRetryMilliseconds = assignmentRetryMilliseconds
        self.assignmentRetries = assignmentRetries
        self.breakerThreshold = breakerThreshold
        self.breakerCooldownMilliseconds = breakerCooldownMilliseconds
        self.operatorToken = operatorToken
    }

    var heartbeat: UInt64 { UInt64(max(1, heartbeatMilliseconds)) * 1_000_000 }
    var deadAfter: UInt64 { heartbeat * UInt64(max(1, liveness)) }
    var grace: UInt64 { UInt64(max(0, playerGraceMilliseconds)) * 1_000_000 }
}
