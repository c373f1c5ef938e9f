/// The logic of an agent (a referee or a player), driven by an ``AgentService`` on its event loop.
public protocol AgentCore: AnyObject {
    /// Sends the first registration.
    func start(now: UInt64)
    /// Handles one message from the manager.
    func receive(_ frames: [[UInt8]], now: UInt64)
    /// The earliest time ``fireTimers(now:)`` has work.
    var nextDeadline: UInt64? { get }
    func fireTimers(now: UInt64)
    /// Stops taking work and hands back what cannot be finished.
    func beginShutdown(now: UInt64)
    /// Nothing is left to finish (e.g. every result acknowledged).
    var isDrained: Bool { get }
    /// Tells the manager the agent is gone.
    func leave(now: UInt64)
}
