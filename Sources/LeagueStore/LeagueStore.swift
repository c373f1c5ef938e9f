import LeagueProtocol

/// Where a manager keeps what must survive a crash: agents, leagues, schedules, leases, results and
/// transcripts. Small on purpose, so another engine can replace SQLite.
///
/// Implementations are used from one thread (the manager's event loop) and every write is durable when the
/// call returns: the manager acknowledges a result only after ``recordResult(_:)`` returned.
public protocol LeagueStore: AnyObject {
    /// Everything stored, to resume from.
    func load() throws(StoreError) -> StoredState
    /// Adds or updates an agent.
    func save(agent: StoredAgent) throws(StoreError)
    /// Adds or updates a league and, when given, its schedule.
    func save(league: StoredLeague, matches: [StoredMatch]) throws(StoreError)
    /// Records that a match was leased (`refereeID` set) or taken back (`refereeID` nil).
    func updateLease(leagueID: String, matchID: String, leaseID: Int, refereeID: String?) throws(StoreError)
    /// Records a finished match and its transcript in one transaction.
    func recordResult(_ result: StoredResult) throws(StoreError)
    /// A finished match's transcript.
    func transcript(leagueID: String, matchID: String) throws(StoreError) -> MatchTranscript?
}

/// A store operation failed.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was being done, e.g. `record result`.
    public let operation: String
    /// The engine's message.
    public let reason: String

    public init(operation: String, reason: String) {
        self.operation = operation
        self.reason = reason
    }

    public var description: String { "store: \(operation) failed: \(reason)" }
}
