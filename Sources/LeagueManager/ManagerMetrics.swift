import CoreMetrics
import LeagueProtocol

/// Turns the manager's counters into swift-metrics (and so Prometheus) metrics.
///
/// The core only counts into ``ManagerStats``; this object, called by the broker every publish interval,
/// adds the differences since its last call to the counters, records match durations into
/// `match_duration_seconds`, and sets the gauges. No metric work happens per message.
public final class ManagerMetrics {
    private let factory: any MetricsFactory
    private var last = ManagerStats()
    private var counters: [String: Counter] = [:]
    private var gauges: [String: Gauge] = [:]
    private let matchDuration: CoreMetrics.Timer

    public init(factory: any MetricsFactory) {
        self.factory = factory
        matchDuration = CoreMetrics.Timer(label: "match_duration_seconds", dimensions: [], factory: factory)
    }

    /// Brings the metrics up to `stats`, records `durations` (seconds) and sets the gauges from `snapshot`.
    public func update(stats: ManagerStats, durations: [Double], snapshot: ManagerSnapshot?) {
        add("matches_total", "result", stats.matchesByResult, last.matchesByResult)
        add("messages_total", "type", stats.messagesIn, last.messagesIn, extra: ("direction", "in"))
        add("messages_total", "type", stats.messagesOut, last.messagesOut, extra: ("direction", "out"))
        add("message_errors_total", "code", Self.keyed(stats.errors), Self.keyed(last.errors))
        add("heartbeat_misses_total", "role", stats.heartbeatMisses, last.heartbeatMisses)
        add("reconnects_total", stats.reconnects, last.reconnects)
        add("retries_total", stats.retries, last.retries)
        add("leases_revoked_total", stats.leasesRevoked, last.leasesRevoked)
        add("breaker_openings_total", stats.breakerOpenings, last.breakerOpenings)
        add("forfeits_total", stats.forfeits, last.forfeits)
        add("duplicate_results_total", stats.duplicateResults, last.duplicateResults)
        add("undeliverable_total", stats.undeliverable, last.undeliverable)
        add("store_failures_total", stats.storeFailures, last.storeFailures)
        last = stats
        for seconds in durations { matchDuration.recordSeconds(seconds) }
        guard let snapshot else { return }
        for role in ["player", "referee"] {
            gauge("connected_agents", ("role", role)).record(snapshot.agents.filter { $0.role == role && $0.connected }.count)
        }
        gauge("inflight_matches").record(snapshot.inflightMatches)
        gauge("leagues_active").record(snapshot.leagues.filter { $0.status != .completed }.count)
    }

    private static func keyed(_ errors: [ErrorCode: Int]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: errors.map { ($0.key.rawValue, $0.value) })
    }

    private func add(_ name: String, _ value: Int, _ previous: Int) {
        let delta = value - previous
        if delta > 0 { counter(name, []).increment(by: delta) }
    }

    private func add(_ name: String, _ label: String, _ now: [String: Int], _ before: [String: Int], extra: (String, String)? = nil) {
        for (key, value) in now {
            let delta = value - (before[key] ?? 0)
            guard delta > 0 else { continue }
            counter(name, [(label, key)] + (extra.map { [$0] } ?? [])).increment(by: delta)
        }
    }

    private func counter(_ name: String, _ dimensions: [(String, String)]) -> Counter {
        let key = name + dimensions.map { "|\($0.0)=\($0.1)" }.joined()
        if let existing = counters[key] { return existing }
        let made = Counter(label: name, dimensions: dimensions, factory: factory)
        counters[key] = made
        return made
    }

    private func gauge(_ name: String, _ dimension: (String, String)? = nil) -> Gauge {
        let dimensions = dimension.map { [$0] } ?? []
        let key = name + dimensions.map { "|\($0.0)=\($0.1)" }.joined()
        if let existing = gauges[key] { return existing }
        let made = Gauge(label: name, dimensions: dimensions, factory: factory)
        gauges[key] = made
        return made
    }
}
