import CoreMetrics
import Prometheus

/// The manager's Prometheus registry, the swift-metrics factory that feeds it, and the text exposition
/// that `GET /metrics/prometheus` serves.
///
/// The factory renders swift-metrics Timers as histograms in seconds, with buckets chosen per metric
/// (match durations from 10 ms to 2 min, HTTP requests from 0.25 ms to 2.5 s), and renames Hummingbird's
/// OpenTelemetry-style names (`http.server.request.duration`, `hb.requests` …) to Prometheus ones.
public final class PrometheusExposition: Sendable {
    /// Where every metric lives.
    public let registry: PrometheusCollectorRegistry
    /// Pass it to `ManagerMetrics(factory:)` and to `MetricsSystem.bootstrap` (once, in `main`).
    public let factory: PrometheusMetricsFactory

    /// Buckets of `match_duration_seconds`.
    public static let matchDurationBuckets: [Duration] = [
        .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
        .seconds(1), .milliseconds(2_500), .seconds(5), .seconds(10), .seconds(30), .seconds(60), .seconds(120),
    ]
    /// Buckets of `http_server_request_duration_seconds`.
    public static let requestDurationBuckets: [Duration] = [
        .microseconds(250), .microseconds(500), .milliseconds(1), .microseconds(2_500), .milliseconds(5), .milliseconds(10),
        .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2_500),
    ]

    /// Creates an empty registry with the manager's series present at zero.
    public init() {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets = [
            "match_duration_seconds": Self.matchDurationBuckets,
            "http_server_request_duration_seconds": Self.requestDurationBuckets,
        ]
        factory.nameAndLabelSanitizer = { name, labels in
            (MetricCatalogue.prometheusName(name), labels.map { (MetricCatalogue.prometheusLabel($0.0), $0.1) })
        }
        self.registry = registry
        self.factory = factory
        prefill()
    }

    /// Series that should exist before anything happened, so that rates and alerts see a zero rather than
    /// nothing. They are made through the factory exactly as `ManagerMetrics` makes them, so the two meet
    /// in the same series.
    private func prefill() {
        for result in ["WIN", "DRAW", "TECHNICAL_LOSS"] {
            _ = Counter(label: "matches_total", dimensions: [("result", result)], factory: factory)
        }
        for role in ["player", "referee"] {
            _ = Counter(label: "heartbeat_misses_total", dimensions: [("role", role)], factory: factory)
            Gauge(label: "connected_agents", dimensions: [("role", role)], factory: factory).record(0)
        }
        for name in MetricCatalogue.plainCounters { _ = Counter(label: name, dimensions: [], factory: factory) }
        Gauge(label: "inflight_matches", dimensions: [], factory: factory).record(0)
        Gauge(label: "leagues_active", dimensions: [], factory: factory).record(0)
        _ = CoreMetrics.Timer(label: "match_duration_seconds", dimensions: [], factory: factory)
    }

    /// The text exposition (format 0.0.4), with a `# HELP` line for every metric the catalogue describes.
    public func render() -> String {
        let raw = registry.emitToString()
        var out = ""
        out.reserveCapacity(raw.utf8.count + 4_096)
        var described = Set<Substring>()
        for line in raw.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("# HELP ") {
                described.insert(line.dropFirst(7).prefix { $0 != " " })
            } else if line.hasPrefix("# TYPE ") {
                let name = line.dropFirst(7).prefix { $0 != " " }
                if !described.contains(name), let help = MetricCatalogue.help[String(name)] {
                    out += "# HELP \(name) \(help)\n"
                }
            }
            out += line
            out += "\n"
        }
        return out
    }
}

extension PrometheusExposition {
    /// Makes this registry the process's swift-metrics backend (Hummingbird's request metrics use it).
    /// swift-metrics allows this once per process: call it from `main` only.
    public func bootstrapMetricsSystem() {
        MetricsSystem.bootstrap(factory)
    }
}
