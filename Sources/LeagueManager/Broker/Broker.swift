import LeagueProtocol
import LeagueStore
import Logging
import ZeroMQ

/// The League Manager's event-loop service: one ROUTER socket driving a ``ManagerCore``.
///
/// The ROUTER sends with `ZMQ_DONTWAIT` and `ROUTER_MANDATORY`, so a peer that is gone or not reading
/// makes a send fail (counted as undeliverable) instead of being dropped silently or stalling the loop.
public final class Broker: BoundService {
    public let sockets: [Socket]
    private let router: Socket
    private let logger: Logger
    private let core: ManagerCore
    private let statsBox: ManagerStatsBox
    private let metrics: ManagerMetrics?
    private let publishesSnapshots: Bool
    /// Snapshots and metrics are published at most this often (50 ms), and only after a change.
    private static let publishInterval: UInt64 = 50_000_000
    private var nextPublish: UInt64 = 0
    private var changed = true
    /// The endpoint actually bound (a wildcard port resolved).
    public let boundEndpoint: String

    /// Binds the ROUTER. Call from an ``EventLoop`` factory.
    public init(
        context: Context, configuration: ManagerConfiguration, policy: ManagerPolicy = ManagerPolicy(),
        store: any LeagueStore = MemoryLeagueStore(), logger: Logger, stats: ManagerStatsBox, metrics: ManagerMetrics? = nil,
        publishesSnapshots: Bool = false
    ) throws {
        let router = try Socket(context, type: .router)
        try router.set(.routerMandatory(true))
        try router.set(.routerHandover(true))
        try router.set(.sendHighWaterMark(configuration.highWaterMark))
        try router.set(.receiveHighWaterMark(configuration.highWaterMark))
        try router.set(.maxMessageSize(1 << 20))
        if configuration.transportHeartbeatMilliseconds > 0 {
            let interval = configuration.transportHeartbeatMilliseconds
            try router.set(.heartbeat(interval: interval, timeout: interval * 3, ttl: interval * 3))
        }
        try router.bind(configuration.endpoint)
        self.router = router
        self.sockets = [router]
        self.logger = logger
        self.statsBox = stats
        self.boundEndpoint = router.lastEndpoint
        self.metrics = metrics
        self.publishesSnapshots = publishesSnapshots
        self.core = try ManagerCore(logger: logger, policy: policy, store: store, events: publishesSnapshots ? stats.events : nil) {
            identity, frames in
            do {
                try router.send(head: identity, frames)
                return true
            } catch {
                logger.debug("send failed", metadata: ["error": "\(error)"])
                return false
            }
        }
        logger.info("manager listening", metadata: ["endpoint": "\(boundEndpoint)"])
    }

    public func readable(socket index: Int, now: UInt64) {
        for _ in 0..<512 {
            let frames: [[UInt8]]
            do {
                guard let received = try router.receive() else { break }
                frames = received
            } catch {
                logger.error("receive failed", metadata: ["error": "\(error)"])
                break
            }
            guard frames.count >= 1 else { continue }
            core.receive(identity: frames[0], frames: Array(frames.dropFirst()), now: now)
        }
        changed = true
        publishIfDue(now)
    }

    public var nextDeadline: UInt64? { changed ? min(core.nextDeadline, nextPublish) : core.nextDeadline }

    public func fireTimers(now: UInt64) {
        core.tick(now: now)
        changed = true
        publishIfDue(now)
    }

    /// Publishes counters, metrics and (when asked for) the snapshot, at most once per interval.
    private func publishIfDue(_ now: UInt64) {
        guard changed, now >= nextPublish else { return }
        changed = false
        nextPublish = now + Self.publishInterval
        statsBox.publish(core.stats)
        let durations = core.takeDurations()
        let snapshot = publishesSnapshots ? core.snapshot(now: now) : nil
        if let snapshot { statsBox.publish(state: snapshot) }
        metrics?.update(stats: core.stats, durations: durations, snapshot: snapshot)
    }

    public func shutdown() {
        statsBox.publish(core.stats)
        router.close()
    }
}
