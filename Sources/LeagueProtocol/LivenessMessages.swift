/// HEARTBEAT (ours): sent by the manager and by every agent when nothing else has gone out on the link
/// for one interval. Any message counts as a sign of life; the body carries the sender's interval so a
/// mismatch is visible in logs.
public struct Heartbeat: MessageBody, Hashable {
    public static let messageType = MessageType.heartbeat
    public var intervalMilliseconds: Int

    public init(intervalMilliseconds: Int) { self.intervalMilliseconds = intervalMilliseconds }

    enum CodingKeys: String, CodingKey { case intervalMilliseconds = "interval_ms" }
}

/// AGENT_LEAVING (ours): an agent shuts down on purpose. The manager takes back a referee's unfinished
/// leases at once (instead of waiting for missed heartbeats) and starts a player's grace period.
public struct AgentLeaving: MessageBody, Hashable {
    public static let messageType = MessageType.agentLeaving
    public var reason: String

    public init(reason: String) { self.reason = reason }
}
