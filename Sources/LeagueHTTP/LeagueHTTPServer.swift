import Hummingbird
import LeagueProtocol
import Logging
import ServiceLifecycle
import Synchronization

/// The manager's HTTP server (Hummingbird 2): health, metrics, the REST API, the live event stream and the
/// dashboard. A swift-service-lifecycle `Service`: run it in the manager's `ServiceGroup`, and SIGTERM stops
/// it (open event streams end, then the server) before the manager's loop.
public struct LeagueHTTPServer: Service {
    private let address: HTTPAddress
    private let access: ManagerAccess
    private let required: Bool
    private let logger: Logger
    private let onListening: @Sendable (String) -> Void

    /// - Parameters:
    ///   - address: where to listen; port 0 picks a free port.
    ///   - required: whether failing to listen is fatal; when not, the failure is logged and the manager
    ///     runs on without HTTP.
    ///   - onListening: called with `http://HOST:PORT` once listening.
    public init(
        address: HTTPAddress, access: ManagerAccess, required: Bool, logger: Logger, onListening: @escaping @Sendable (String) -> Void
    ) {
        self.address = address
        self.access = access
        self.required = required
        self.logger = logger
        self.onListening = onListening
    }

    /// The router with every route; exposed for documentation and tests.
    static func router(access: ManagerAccess, streams: EventStreams, dashboard: DashboardAssets, logger: Logger) -> Router<
        BasicRequestContext
    > {
        let router = Router(context: BasicRequestContext.self)
        // Middleware applies to the routes added after it: add it first. Metrics outermost, so that it sees
        // the status the error middleware chose.
        router.add(middleware: MetricsMiddleware())
        router.add(middleware: APIErrorMiddleware(logger: logger))
        HealthRoutes.add(to: router, access: access)
        LeagueRoutes.add(to: router, access: access)
        LiveRoutes.add(to: router, access: access, streams: streams)
        router.get("/") { request, _ in try dashboard.response(for: "index.html", request: request) }
        router.get("/assets/{file}") { request, context in
            try dashboard.response(for: context.parameters.get("file") ?? "", request: request)
        }
        return router
    }

    /// Serves until graceful shutdown; throws when it cannot listen and `required` is set.
    public func run() async throws {
        let streams = EventStreams(hub: access.box.events)
        let dashboard = DashboardAssets.load()
        if let folder = dashboard.folder {
            logger.debug("dashboard files", metadata: ["folder": "\(folder)"])
        } else {
            logger.warning("dashboard files not found; / answers 503")
        }
        let listening = Atomic<Bool>(false)
        let onListening = self.onListening
        let host = address.host
        let app = Application(
            router: Self.router(access: access, streams: streams, dashboard: dashboard, logger: logger),
            configuration: ApplicationConfiguration(address: .hostname(address.host, port: address.port), serverName: "league-manager"),
            onServerRunning: { channel in
                listening.store(true, ordering: .releasing)
                let port = channel.localAddress?.port ?? 0
                onListening(host.contains(":") ? "http://[\(host)]:\(port)" : "http://\(host):\(port)")
            },
            logger: logger)
        do {
            try await withGracefulShutdownHandler {
                try await app.run()
            } onGracefulShutdown: {
                streams.closeAll()
            }
        } catch {
            streams.closeAll()
            guard !required, !listening.load(ordering: .acquiring) else { throw error }
            logger.error(
                "HTTP server could not listen; the manager runs on without it",
                metadata: ["address": "\(address)", "error": "\(error)"])
            try? await gracefulShutdown()
        }
    }
}
