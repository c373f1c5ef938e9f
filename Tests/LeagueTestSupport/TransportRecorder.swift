import LeagueAgent
import LeagueProtocol

/// An ``AgentTransport`` for driving an agent core without sockets: records every message it sends and
/// counts reconnects.
public final class TransportRecorder {
    public var sent: [WireMessage] = []
    public var reconnects = 0

    public init() {}

    /// A transport that records into this object.
    public var transport: AgentTransport {
        AgentTransport(
            send: { [unowned self] message in
                sent.append(message)
                return true
            },
            reconnect: { [unowned self] in reconnects += 1 })
    }

    /// Removes and returns everything sent so far.
    public func drain() -> [WireMessage] {
        defer { sent.removeAll() }
        return sent
    }

    /// `milliseconds` in nanoseconds, the cores' unit of time.
    public static func ns(milliseconds: Int) -> UInt64 { UInt64(milliseconds) * 1_000_000 }
}
