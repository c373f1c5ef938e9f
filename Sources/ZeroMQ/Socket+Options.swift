import CZeroMQ

/// Socket options this project sets. Durations are milliseconds, as libzmq takes them.
public enum SocketOption: Sendable, Hashable {
    /// How long unsent messages are kept after `close`; this project always uses 0.
    case linger(milliseconds: Int32)
    /// ROUTER: an unknown or unreachable peer fails the send with `EHOSTUNREACH` instead of a silent drop.
    case routerMandatory(Bool)
    /// ROUTER: a new connection with a routing id already in use takes it over.
    case routerHandover(Bool)
    /// The routing id a DEALER presents to the ROUTER it connects to (1–255 bytes).
    case routingID([UInt8])
    /// Per-peer queue limits, in messages.
    case sendHighWaterMark(Int32)
    case receiveHighWaterMark(Int32)
    /// Frames larger than this drop the connection at the transport (`-1`: no limit).
    case maxMessageSize(Int64)
    /// ZMTP heartbeats: a PING every `interval`, the link is dropped after `timeout` without traffic, and
    /// the peer is asked to time out after `ttl`.
    case heartbeat(interval: Int32, timeout: Int32, ttl: Int32)
    /// Queue only on completed connections.
    case immediate(Bool)
    /// Reconnect backoff of a connecting socket: starts at `initial`, doubles up to `maximum`.
    case reconnectInterval(initial: Int32, maximum: Int32)
}

extension Socket {
    /// Sets one option.
    public func set(_ option: SocketOption) throws(ZMQError) {
        switch option {
        case .linger(let value): try setInt(ZMQ_LINGER, value, "ZMQ_LINGER")
        case .routerMandatory(let on): try setInt(ZMQ_ROUTER_MANDATORY, on ? 1 : 0, "ZMQ_ROUTER_MANDATORY")
        case .routerHandover(let on): try setInt(ZMQ_ROUTER_HANDOVER, on ? 1 : 0, "ZMQ_ROUTER_HANDOVER")
        case .routingID(let id):
            let result = id.withUnsafeBytes { zmq_setsockopt(handle, ZMQ_ROUTING_ID, $0.baseAddress, $0.count) }
            try check("zmq_setsockopt(ZMQ_ROUTING_ID)", result)
        case .sendHighWaterMark(let value): try setInt(ZMQ_SNDHWM, value, "ZMQ_SNDHWM")
        case .receiveHighWaterMark(let value): try setInt(ZMQ_RCVHWM, value, "ZMQ_RCVHWM")
        case .maxMessageSize(var value):
            let result = zmq_setsockopt(handle, ZMQ_MAXMSGSIZE, &value, MemoryLayout<Int64>.size)
            try check("zmq_setsockopt(ZMQ_MAXMSGSIZE)", result)
        case .heartbeat(let interval, let timeout, let ttl):
            try setInt(ZMQ_HEARTBEAT_IVL, interval, "ZMQ_HEARTBEAT_IVL")
            try setInt(ZMQ_HEARTBEAT_TIMEOUT, timeout, "ZMQ_HEARTBEAT_TIMEOUT")
            try setInt(ZMQ_HEARTBEAT_TTL, ttl, "ZMQ_HEARTBEAT_TTL")
        case .immediate(let on): try setInt(ZMQ_IMMEDIATE, on ? 1 : 0, "ZMQ_IMMEDIATE")
        case .reconnectInterval(let initial, let maximum):
            try setInt(ZMQ_RECONNECT_IVL, initial, "ZMQ_RECONNECT_IVL")
            try setInt(ZMQ_RECONNECT_IVL_MAX, maximum, "ZMQ_RECONNECT_IVL_MAX")
        }
    }

    private func setInt(_ name: Int32, _ value: Int32, _ label: String) throws(ZMQError) {
        var value = value
        try check("zmq_setsockopt(\(label))", zmq_setsockopt(handle, name, &value, MemoryLayout<Int32>.size))
    }
}
