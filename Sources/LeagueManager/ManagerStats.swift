import LeagueProtocol
import Synchronization

/// Counters of what the manager has done, for logs, tests and (later) metrics.
public struct ManagerStats: Sendable, Hashable {
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

    public init() {}

    /// All error replies.
    public var totalErrors: Int { errors.values.reduce(0, +) }
}

/// A ``ManagerStats`` snapshot shared between the broker's thread and readers elsewhere.
public final class ManagerStatsBox: Sendable {
    private let stats = Mutex(ManagerStats())
    public init() {}
    /// The latest published snapshot.
    public var snapshot: ManagerStats { stats.withLock { $0 } }
    func publish(_ value: ManagerStats) { stats.withLock { $0 = value } }
}
