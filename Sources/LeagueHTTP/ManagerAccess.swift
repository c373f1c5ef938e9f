import LeagueOperator
import LeagueProtocol

/// What the HTTP server uses of a running manager. Reads come from the snapshot the manager's loop
/// publishes; anything that changes state (starting a league) or needs the store (a transcript) goes
/// through `client`, an operator connection to the manager's own endpoint, so the manager's core is only
/// ever touched by its loop thread.
public struct ManagerAccess: Sendable {
    /// The manager's published snapshot and live events (the broker must publish snapshots).
    public var box: ManagerStatsBox
    /// An operator connection to the manager.
    public var client: LeagueClient
    /// What `GET /ready` checks.
    public var readiness: ReadinessProbe
    /// The Prometheus registry behind `GET /metrics/prometheus`.
    public var exposition: PrometheusExposition
    /// When the manager started (monotonic ns), for uptimes.
    public var startedAt: UInt64
    /// How long an operator request to the manager may take.
    public var requestTimeout: Duration
    /// The manager's `--operator-token`: when set, `POST /api/leagues` needs `Authorization: Bearer TOKEN`.
    public var operatorToken: String?

    /// Creates the access.
    public init(
        box: ManagerStatsBox, client: LeagueClient, readiness: ReadinessProbe, exposition: PrometheusExposition, startedAt: UInt64,
        requestTimeout: Duration = .seconds(5), operatorToken: String? = nil
    ) {
        self.box = box
        self.client = client
        self.readiness = readiness
        self.exposition = exposition
        self.startedAt = startedAt
        self.requestTimeout = requestTimeout
        self.operatorToken = operatorToken
    }

    /// Seconds since the manager started.
    var uptimeSeconds: Double { Double(MonotonicTime.now() &- startedAt) / 1e9 }

    /// The league `id` in the latest snapshot.
    func league(_ id: String) throws(APIError) -> LeagueReport {
        guard let report = box.state.leagues.first(where: { $0.leagueID == id }) else { throw APIError.leagueNotFound(id) }
        return report
    }
}
