import Foundation
import Testing

/// The Prometheus alert rules and the Grafana dashboard in monitoring/.
@Suite("Monitoring files")
struct MonitoringFilesTests {
    @Test("promtool validates the alert rules and their unit tests pass")
    func alertRules() async throws {
        let check = try await ToolRun.run("promtool", ["check", "rules", "monitoring/alerts.yml"])
        #expect(check.status == 0, "\(check.stdout) \(check.stderr)")
        #expect(check.stdout.contains("SUCCESS"))
        let test = try await ToolRun.run("promtool", ["test", "rules", "monitoring/alerts.test.yml"])
        #expect(test.status == 0, "\(test.stdout) \(test.stderr)")
        let names = try String(contentsOf: ToolRun.repositoryRoot.appendingPathComponent("monitoring/alerts.yml"), encoding: .utf8)
        for alert in ["LeagueErrorRateHigh", "LeagueMatchesSlow", "LeagueNoReferees", "LeaguePlayersDropping", "LeagueStalled"] {
            #expect(names.contains("alert: \(alert)"))
        }
    }

    @Test("the Grafana dashboard is JSON with a PromQL query in every panel")
    func grafanaDashboard() throws {
        let data = try Data(contentsOf: ToolRun.repositoryRoot.appendingPathComponent("monitoring/grafana-dashboard.json"))
        let dashboard = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let panels = try #require(dashboard["panels"] as? [[String: Any]])
        let queryPanels = panels.filter { $0["type"] as? String != "row" }
        #expect(queryPanels.count >= 8)
        for panel in queryPanels {
            let targets = panel["targets"] as? [[String: Any]] ?? []
            #expect(!targets.isEmpty && targets.allSatisfy { ($0["expr"] as? String)?.isEmpty == false }, "\(panel["title"] ?? "")")
        }
        let text = String(decoding: data, as: UTF8.self)
        #expect(
            MonitoringExpressions.metricNames(in: text).isSuperset(of: [
                "matches_total", "match_duration_seconds_bucket", "connected_agents",
            ]))
    }

    @Test("metric names are found in PromQL expressions, so a typo in a rule is caught")
    func expressionNames() throws {
        let yaml = """
            groups:
              - rules:
                  - alert: A
                    expr: |
                      sum by (job) (rate(matchs_total{result="WIN"}[5m]))
                        / clamp_min(sum(rate(messages_total{direction="in"}[5m])), 1e-9) > 0.05
                    for: 5m
                  - alert: B
                    expr: histogram_quantile(0.95, sum by (le) (rate(match_duration_seconds_bucket[10m]))) > 10
            """
        #expect(MonitoringExpressions.metricNames(in: yaml) == ["matchs_total", "messages_total", "match_duration_seconds_bucket"])
        let rules = try String(contentsOf: ToolRun.repositoryRoot.appendingPathComponent("monitoring/alerts.yml"), encoding: .utf8)
        #expect(
            MonitoringExpressions.metricNames(in: rules).isSuperset(of: [
                "message_errors_total", "messages_total", "match_duration_seconds_bucket", "connected_agents", "leagues_active",
                "heartbeat_misses_total", "matches_total", "store_failures_total", "http_requests_total",
            ]))
    }
}
