import LeagueAgent
import LeagueProtocol
import Logging
import ZeroMQ

/// A referee on an event loop.
public typealias RefereeService = AgentService<RefereeCore>

extension RefereeCore: AgentCore {
    public var isDrained: Bool { !hasUnacknowledgedResults }
}

extension AgentService where Core == RefereeCore {
    /// Connects to the manager and registers. Call from an ``EventLoop`` factory.
    public convenience init(
        context: Context, managerEndpoint: String, configuration: RefereeConfiguration, logger: Logger,
        control: AgentControl = AgentControl()
    ) throws {
        try self.init(context: context, endpoint: managerEndpoint, label: "referee-\(configuration.name)", logger: logger, control: control)
        { transport in
            RefereeCore(
                configuration: configuration, logger: logger, transport: transport, seed: SeededGenerator.derive(0, configuration.name))
        }
    }
}
