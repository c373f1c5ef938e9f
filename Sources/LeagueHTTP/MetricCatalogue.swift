/// The Prometheus names and help texts of every metric the manager exposes (docs/MONITORING.md lists them).
enum MetricCatalogue {
    /// Unlabelled counters that `ManagerMetrics` creates.
    static let plainCounters = [
        "reconnects_total", "retries_total", "leases_revoked_total", "breaker_openings_total", "forfeits_total",
        "duplicate_results_total", "undeliverable_total", "store_failures_total",
    ]

    /// Help text by metric name.
    static let help: [String: String] = [
        "matches_total": "Matches finished, by result (WIN, DRAW, TECHNICAL_LOSS).",
        "match_duration_seconds": "Time from a match's lease to its recorded result.",
        "messages_total": "Protocol messages by type and direction (in: received by the manager, out: sent or forwarded).",
        "message_errors_total": "Error replies the manager sent, by league error code.",
        "heartbeat_misses_total": "Agents declared dead after missed heartbeats, by role.",
        "reconnects_total": "Registrations of an agent id that was already known.",
        "retries_total": "MATCH_ASSIGNMENTs resent because no acknowledgement came in time.",
        "leases_revoked_total": "Match leases taken back from a referee and replayed.",
        "breaker_openings_total": "Times a referee's circuit breaker opened.",
        "forfeits_total": "Matches recorded as technical losses because a player stayed away past the grace period.",
        "duplicate_results_total": "Results that repeated one already recorded.",
        "undeliverable_total": "Messages that could not be delivered (peer gone or its queue full).",
        "store_failures_total": "Store writes that failed.",
        "connected_agents": "Agents registered and reachable, by role.",
        "inflight_matches": "Matches leased to a referee and not finished.",
        "leagues_active": "Leagues waiting for players or running.",
        "http_requests_total": "HTTP requests served, by route, method and status.",
        "http_request_errors_total": "HTTP requests that failed with an error, by route, method and status.",
        "http_server_request_duration_seconds": "Time to serve an HTTP request, by route, method and status.",
        "http_server_active_requests": "HTTP requests being served, by method.",
    ]

    /// Prometheus names for the swift-metrics labels others use (Hummingbird's MetricsMiddleware).
    static func prometheusName(_ label: String) -> String {
        switch label {
        case "http.server.request.duration": "http_server_request_duration_seconds"
        case "hb.requests": "http_requests_total"
        case "hb.request.errors": "http_request_errors_total"
        case "http.server.active_requests": "http_server_active_requests"
        default: label
        }
    }

    /// Prometheus label names for OpenTelemetry-style dimension names.
    static func prometheusLabel(_ name: String) -> String {
        switch name {
        case "http.route": "route"
        case "http.request.method": "method"
        case "http.response.status_code", "error.type": "status"
        default: name
        }
    }
}
