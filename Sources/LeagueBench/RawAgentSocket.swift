import LeagueProtocol
import ZeroMQ

/// The DEALER of a raw-relay agent: the options every league agent uses, plus a routing id equal to the
/// agent's name so that the relay can forward by the peer frame without a registry.
enum RawAgentSocket {
    static func connect(_ context: Context, to endpoint: String, name: String, role: String) throws -> Socket {
        let socket = try Socket(context, type: .dealer)
        try socket.set(.sendHighWaterMark(10_000))
        try socket.set(.receiveHighWaterMark(10_000))
        try socket.set(.maxMessageSize(Int64(WireMessage.maxReplySize)))
        try socket.set(.reconnectInterval(initial: 100, maximum: 5_000))
        try socket.set(.heartbeat(interval: 1_000, timeout: 3_000, ttl: 3_000))
        try socket.set(.routingID(Array(name.utf8)))
        try socket.connect(endpoint)
        try socket.send([WireMessage.protocolTag, RawRelayBroker.hello, [], [], Array(role.utf8)])
        return socket
    }
}
