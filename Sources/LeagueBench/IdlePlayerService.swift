import LeagueAgent
import LeaguePlayer
import Logging
import ZeroMQ

/// A player for the idle measurement: the real ``PlayerCore`` in the real ``AgentService`` (heartbeats
/// and all), seen through ``IdlePlayerCore``, which tells the bench once its registration is accepted.
typealias IdlePlayerService = AgentService<IdlePlayerCore>

extension AgentService where Core == IdlePlayerCore {
    convenience init(
        context: Context, managerEndpoint: String, configuration: PlayerConfiguration, registered: RegistrationCount, logger: Logger
    ) throws {
        try self.init(context: context, endpoint: managerEndpoint, label: "player-\(configuration.name)", logger: logger) { transport in
            IdlePlayerCore(core: PlayerCore(configuration: configuration, logger: logger, transport: transport), registered: registered)
        }
    }
}

/// Passes everything to the real core; counts the registration once the core has its id.
final class IdlePlayerCore: AgentCore {
    private let core: PlayerCore
    private let registered: RegistrationCount
    private var counted = false

    init(core: PlayerCore, registered: RegistrationCount) {
        self.core = core
        self.registered = registered
    }

    func receive(_ frames: [[UInt8]], now: UInt64) {
        core.receive(frames, now: now)
        if !counted, core.playerID != nil {
            counted = true
            registered.add()
        }
    }

    func start(now: UInt64) { core.start(now: now) }
    var nextDeadline: UInt64? { core.nextDeadline }
    func fireTimers(now: UInt64) { core.fireTimers(now: now) }
    func beginShutdown(now: UInt64) { core.beginShutdown(now: now) }
    var isDrained: Bool { core.isDrained }
    func leave(now: UInt64) { core.leave(now: now) }
}
