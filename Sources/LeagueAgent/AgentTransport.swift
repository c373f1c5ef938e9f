import LeagueProtocol

/// How an agent core reaches the wire: send one message to the manager, or replace the socket.
/// Its service builds it around the DEALER it owns; tests record calls.
public struct AgentTransport {
    /// Sends one message; `false` if libzmq refused it (queue full).
    public var send: (WireMessage) -> Bool
    /// Closes the socket and opens a new one to the same manager.
    public var reconnect: () -> Void

    public init(send: @escaping (WireMessage) -> Bool, reconnect: @escaping () -> Void = {}) {
        self.send = send
        self.reconnect = reconnect
    }
}
