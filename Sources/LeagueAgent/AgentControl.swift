import Synchronization
import ZeroMQ

/// A handle for code outside an agent's loop to ask for a graceful shutdown and learn when it is done.
public final class AgentControl: Sendable {
    let drainRequested = Atomic<Bool>(false)
    /// Completed once the agent has finished its work and told the manager it is leaving.
    public let drained = Completion<Void>()

    public init() {}

    /// Asks the agent to finish up; wake its loop afterwards.
    public func requestDrain() { drainRequested.store(true, ordering: .releasing) }
}
