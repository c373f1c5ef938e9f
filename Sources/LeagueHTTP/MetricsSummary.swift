import LeagueProtocol

/// The body of `GET /metrics`: the manager at a glance, as JSON.
public struct MetricsSummary: Codable, Sendable, Hashable {
    /// Seconds since the manager started.
    public var uptimeSeconds: Double
    /// Every league the manager knows.
    public var leaguesTotal: Int
    /// Leagues waiting for players or running.
    public var activeLeagues: Int
    /// Leagues being played.
    public var runningLeagues: Int
    /// Leagues waiting for enough free players.
    public var waitingLeagues: Int
    /// Matches finished, over all leagues.
    public var totalMatches: Int
    /// Matches in every league's schedule.
    public var matchesScheduled: Int
    /// Matches leased to a referee and not finished.
    public var inflightMatches: Int
    /// Players registered and reachable.
    public var connectedPlayers: Int
    /// Referees registered and reachable.
    public var connectedReferees: Int
    /// Messages the manager received, valid or not.
    public var messagesReceived: Int
    /// Error replies the manager sent.
    public var errorsTotal: Int
    /// How old the manager's published picture is (it is republished at most every 50 ms after a change).
    public var snapshotAgeMilliseconds: Int

    /// The summary of `snapshot` at `now` (monotonic ns) for a server up `uptime` seconds.
    public init(_ snapshot: ManagerSnapshot, uptime: Double, now: UInt64) {
        uptimeSeconds = (uptime * 1000).rounded() / 1000
        leaguesTotal = snapshot.leagues.count
        runningLeagues = snapshot.leagues.filter { $0.status == .running }.count
        waitingLeagues = snapshot.leagues.filter { $0.status == .waiting }.count
        activeLeagues = runningLeagues + waitingLeagues
        totalMatches = snapshot.leagues.reduce(0) { $0 + $1.matchesCompleted }
        matchesScheduled = snapshot.leagues.reduce(0) { $0 + $1.matchesTotal }
        inflightMatches = snapshot.inflightMatches
        connectedPlayers = snapshot.agents.filter { $0.role == "player" && $0.connected }.count
        connectedReferees = snapshot.agents.filter { $0.role == "referee" && $0.connected }.count
        messagesReceived = snapshot.stats.received
        errorsTotal = snapshot.stats.totalErrors
        snapshotAgeMilliseconds = snapshot.takenAt == 0 || now < snapshot.takenAt ? 0 : Int((now - snapshot.takenAt) / 1_000_000)
    }

    enum CodingKeys: String, CodingKey {
        case uptimeSeconds = "uptime_seconds", leaguesTotal = "leagues_total", activeLeagues = "active_leagues"
        case runningLeagues = "running_leagues", waitingLeagues = "waiting_leagues", totalMatches = "total_matches"
        case matchesScheduled = "matches_scheduled", inflightMatches = "inflight_matches", connectedPlayers = "connected_players"
        case connectedReferees = "connected_referees", messagesReceived = "messages_received", errorsTotal = "errors_total"
        case snapshotAgeMilliseconds = "snapshot_age_ms"
    }
}
