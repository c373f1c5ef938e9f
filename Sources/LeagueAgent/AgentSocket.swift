import LeagueProtocol
import ZeroMQ

/// How agents (referees, players, operator tools) connect their DEALER socket to a manager.
public enum AgentSocket {
    /// A DEALER connected to `endpoint`, with the options every agent uses: no linger, a bounded queue,
    /// ZMTP heartbeats to notice dead links, and libzmq's reconnect backoff (100 ms doubling to 5 s).
    public static func connect(_ context: Context, to endpoint: String, heartbeatMilliseconds: Int32 = 1_000) throws -> Socket {
        let socket = try Socket(context, type: .dealer)
        try socket.set(.sendHighWaterMark(10_000))
        try socket.set(.receiveHighWaterMark(10_000))
        try socket.set(.maxMessageSize(Int64(WireMessage.maxReplySize)))
        try socket.set(.reconnectInterval(initial: 100, maximum: 5_000))
        if heartbeatMilliseconds > 0 {
            try socket.set(.heartbeat(interval: heartbeatMilliseconds, timeout: heartbeatMilliseconds * 3, ttl: heartbeatMilliseconds * 3))
        }
        try socket.connect(endpoint)
        return socket
    }
}
