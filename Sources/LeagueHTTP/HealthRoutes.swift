import Hummingbird
import LeagueProtocol

/// `/health`, `/ready`, `/metrics` and `/metrics/prometheus`.
enum HealthRoutes {
    /// The body of `GET /health`.
    struct Health: Codable, Sendable, Hashable {
        var status: String
        var uptimeSeconds: Double

        enum CodingKeys: String, CodingKey { case status, uptimeSeconds = "uptime_seconds" }
    }

    static func add(to router: Router<BasicRequestContext>, access: ManagerAccess) {
        router.get("/health") { _, _ in
            JSONResponse.make(Health(status: "ok", uptimeSeconds: (access.uptimeSeconds * 1000).rounded() / 1000))
        }
        router.get("/ready") { _, _ in
            let report = access.readiness.report()
            return JSONResponse.make(report, status: report.ready ? .ok : .serviceUnavailable)
        }
        router.get("/metrics") { _, _ in
            JSONResponse.make(MetricsSummary(access.box.state, uptime: access.uptimeSeconds, now: MonotonicTime.now()))
        }
        router.get("/metrics/prometheus") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: access.exposition.render())))
        }
    }
}
