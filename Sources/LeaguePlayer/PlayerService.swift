import LeagueAgent
import Logging
import ZeroMQ

/// A player on an event loop.
public typealias PlayerService = AgentService<PlayerCore>

extension AgentService where Core == PlayerCore {
    /// Connects to the manager and registers. Call from an ``EventLoop`` factory.
    public convenience init(
        context: Context, managerEndpoint: String, configuration: PlayerConfiguration, logger: Logger,
        control: AgentControl = AgentControl()
    ) throws {
        try self.init(context: context, endpoint: managerEndpoint, label: "player-\(configuration.name)", logger: logger, control: control)
        { transport in
            PlayerCore(configuration: configuration, logger: logger, transport: transport)
        }
    }
}
