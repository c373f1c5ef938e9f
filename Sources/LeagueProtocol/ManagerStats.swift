import Synchronization

/// Counters of what the manager has done: GET_STATS's data, and the source of logs and metrics.
public struct ManagerStats: Codable, Sendable, Hashable {
    /// Messages received, valid or not.
    public var received = 0
    /// Game messages forwarded between referees and players.
    public var routed = 0
    /// Error replies sent, by code.
    public var errors: [ErrorCode: Int] = [:]
    /// Messages that could not be delivered (peer gone or its queue full).
    public var undeliverable = 0
    /// Results that repeated one already recorded.
    public var duplicateResults = 0
    public var matchesFinished = 0
    public var leaguesCompleted = 0
    public var playersRegistered = 0
    public var refereesRegistered = 0
    /// MATCH_ASSIGNMENTs sent again because no MATCH_ASSIGNMENT_ACK came in time.
    public var retries = 0
    /// Times a referee's circuit breaker opened.
    public var breakerOpenings = 0
    /// Leases taken back (dead or leaving referee, unanswered assignment) and replayed.
    public var leasesRevoked = 0
    /// Results from a lease that was no longer current.
    public var staleResults = 0
    /// Agents declared dead after missed heartbeats, by role (`player`, `referee`).
    public var heartbeatMisses: [String: Int] = [:]
    /// Registrations of an id that was already known (reconnects).
    public var reconnects = 0
    /// Matches recorded as technical losses by the manager because a player stayed away past the grace period.
    public var forfeits = 0
    /// Store writes that failed (the message was then not acknowledged).
    public var storeFailures = 0
    /// Messages by type, received and sent (forwarded game messages count both ways).
    public var messagesIn: [String: Int] = [:]
    public var messagesOut: [String: Int] = [:]
    /// Finished matches by result (WIN, DRAW, TECHNICAL_LOSS).
    public var matchesByResult: [String: Int] = [:]

    public init() {}

    enum CodingKeys: String, CodingKey {
        case received, routed, errors, undeliverable
        case duplicateResults = "duplicate_results", matchesFinished = "matches_finished"
        case leaguesCompleted = "leagues_completed", playersRegistered = "players_registered"
        case refereesRegistered = "referees_registered", retries, breakerOpenings = "breaker_openings"
        case leasesRevoked = "leases_revoked", staleResults = "stale_results", heartbeatMisses = "heartbeat_misses"
        case reconnects, forfeits, storeFailures = "store_failures", messagesIn = "messages_in", messagesOut = "messages_out"
        case matchesByResult = "matches_by_result"
    }

    /// All error replies.
    public var totalErrors: Int { errors.values.reduce(0, +) }
}

/// What a manager's loop publishes for readers on other threads: the latest counters and
/// ``ManagerSnapshot``, and a hub of live ``LeagueEvent``s.
public final class ManagerStatsBox: Sendable {
    private let stats = Mutex(ManagerStats())
    private let view = Mutex(ManagerSnapshot())
    /// Live events; publishing is cheap when nobody subscribes.
    public let events = EventHub<LeagueEvent>()

    public init() {}

    /// The latest published counters.
    public var snapshot: ManagerStats { stats.withLock { $0 } }
    public func publish(_ value: ManagerStats) { stats.withLock { $0 = value } }

    /// The latest published picture of leagues and agents.
    public var state: ManagerSnapshot { view.withLock { $0 } }
    public func publish(state value: ManagerSnapshot) { view.withLock { $0 = value } }
}
