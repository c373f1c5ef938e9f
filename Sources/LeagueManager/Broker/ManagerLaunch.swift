import CoreMetrics
import LeagueProtocol
import LeagueStore
import Logging
import ZeroMQ

/// Everything a manager is started with. The one way to start a manager: `league manager`, `league demo`
/// (``LocalLeague``), the bench and the tests all go through ``Broker/launch(_:context:logger:)``.
public struct ManagerSettings: Sendable {
    public var configuration: ManagerConfiguration
    public var policy: ManagerPolicy
    /// Opens the store, on the manager's loop thread (the store is used only there).
    public var openStore: @Sendable () throws -> any LeagueStore
    /// Where counters, snapshots and live events are published for other threads.
    public var stats: ManagerStatsBox
    /// swift-metrics for the counters, when someone scrapes them (made on the loop thread, used only there).
    public var metrics: (any MetricsFactory)?
    /// Whether the broker publishes snapshots and live events (the HTTP API reads them).
    public var publishesSnapshots: Bool
    /// Runs first on the loop thread (the bench tags the thread for its CPU accounting).
    public var onLoopThread: @Sendable () -> Void

    public init(
        configuration: ManagerConfiguration, policy: ManagerPolicy = ManagerPolicy(),
        openStore: @escaping @Sendable () throws -> any LeagueStore = { MemoryLeagueStore() }, stats: ManagerStatsBox = ManagerStatsBox(),
        metrics: (any MetricsFactory)? = nil, publishesSnapshots: Bool = false, onLoopThread: @escaping @Sendable () -> Void = {}
    ) {
        self.configuration = configuration
        self.policy = policy
        self.openStore = openStore
        self.stats = stats
        self.metrics = metrics
        self.publishesSnapshots = publishesSnapshots
        self.onLoopThread = onLoopThread
    }
}

extension Broker {
    /// Starts a manager on its own event loop (named `manager`) and waits until its ROUTER is bound.
    public static func launch(_ settings: ManagerSettings, context: Context, logger: Logger) async throws -> RunningService {
        try await EventLoop.launch(name: "manager", context: context) { context in
            settings.onLoopThread()
            return try Broker(
                context: context, configuration: settings.configuration, policy: settings.policy, store: settings.openStore(),
                logger: logger, stats: settings.stats, metrics: settings.metrics.map { ManagerMetrics(factory: $0) },
                publishesSnapshots: settings.publishesSnapshots)
        }
    }
}
