import LeagueProtocol
import ZeroMQ

/// How agents (referees, players, operator tools) connect their DEALER socket to a manager.
public enum AgentSocket {
    /// A DEALER connected to `endpoint`, with the options every agent uses: no linger, a bounded queue,
    /// ZMTP heartbeats to notice dead links, and libzmq's reconnect backoff (100 ms doubling to 5 s).
    ///
    /// - Parameter routingID: the identity the manager sees. Keeping the same one across libzmq's automatic
    ///   reconnects (and the manager's `ROUTER_HANDOVER`) means a dropped TCP link does not cost the
    ///   registration. Use ``makeRoutingID(_:)``.
    public static func connect(_ context: Context, to endpoint: String, routingID: [UInt8]? = nil, heartbeatMilliseconds: Int32 = 1_000)
        throws -> Socket
    {
        let socket = try Socket(context, type: .dealer)
        if let routingID { try socket.set(.routingID(routingID)) }
        try socket.set(.sendHighWaterMark(10_000))
        try socket.set(.receiveHighWaterMark(10_000))
        try socket.set(.maxMessageSize(Int64(WireMessage.maxReplySize)))
        try socket.set(.reconnectInterval(initial: 100, maximum: 5_000))
        if heartbeatMilliseconds > 0 {
            // No TTL: a TTL makes the manager's ROUTER arm a timer per connection on every PING, and libzmq
            // 4.3.4 cancels timers by a linear scan, so 10,000 agents would cost the manager a whole core.
            try socket.set(.heartbeat(interval: heartbeatMilliseconds, timeout: heartbeatMilliseconds * 3, ttl: 0))
        }
        try socket.connect(endpoint)
        return socket
    }

    /// A routing id unique to this process and agent: the role and name plus random bytes.
    public static func makeRoutingID(_ label: String) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        let suffix = String(UInt64.random(in: 0...UInt64.max, using: &generator), radix: 16)
        return Array("\(label.prefix(40))#\(suffix)".utf8)
    }
}
