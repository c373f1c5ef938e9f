/// How a manager listens.
public struct ManagerConfiguration: Sendable, Hashable {
    /// Where the ROUTER binds, e.g. `tcp://127.0.0.1:5555`, `tcp://127.0.0.1:*`, `ipc:///tmp/league`.
    public var endpoint: String
    /// Messages queued per peer before sends to it fail (then counted as undeliverable).
    public var highWaterMark: Int32
    /// ZMTP heartbeat interval in ms on the manager's ROUTER (0, the default: off). Agents ping from their
    /// side; the manager relies on application heartbeats, because libzmq 4.3.4's per-connection heartbeat
    /// timers cost it a full core at 10,000 connections (docs/PERFORMANCE.md).
    public var transportHeartbeatMilliseconds: Int32

    public init(endpoint: String = "tcp://127.0.0.1:5555", highWaterMark: Int32 = 10_000, transportHeartbeatMilliseconds: Int32 = 0) {
        self.endpoint = endpoint
        self.highWaterMark = highWaterMark
        self.transportHeartbeatMilliseconds = transportHeartbeatMilliseconds
    }
}
