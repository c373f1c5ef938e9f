/// How a manager listens.
public struct ManagerConfiguration: Sendable, Hashable {
    /// Where the ROUTER binds, e.g. `tcp://127.0.0.1:5555`, `tcp://127.0.0.1:*`, `ipc:///tmp/league`.
    public var endpoint: String
    /// Messages queued per peer before sends to it fail (then counted as undeliverable).
    public var highWaterMark: Int32
    /// ZMTP heartbeat interval in ms (0: off); the link is dropped after three silent intervals.
    public var transportHeartbeatMilliseconds: Int32

    public init(endpoint: String = "tcp://127.0.0.1:5555", highWaterMark: Int32 = 10_000, transportHeartbeatMilliseconds: Int32 = 1_000) {
        self.endpoint = endpoint
        self.highWaterMark = highWaterMark
        self.transportHeartbeatMilliseconds = transportHeartbeatMilliseconds
    }
}
