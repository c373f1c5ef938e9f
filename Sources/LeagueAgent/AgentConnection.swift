import LeagueProtocol
import Logging

/// What referees and players share about talking to the manager: the session (id, token, addressing),
/// the link (heartbeats, liveness, reconnect backoff) and the transport.
///
/// Owned by one core on its event-loop thread.
public struct AgentConnection {
    public private(set) var session: AgentSession
    public private(set) var link: ManagerLink
    private let transport: AgentTransport
    private let logger: Logger

    public init(
        role: String, name: String, policy: ManagerLink.Policy, seed: UInt64, now: UInt64, transport: AgentTransport, logger: Logger
    ) {
        session = AgentSession(role: role, displayName: name)
        link = ManagerLink(policy: policy, now: now, seed: seed)
        self.transport = transport
        self.logger = logger
    }

    public var codec: MessageCodec { session.codec }
    public var agentID: String? { session.agentID }
    public var isRegistered: Bool { link.isRegistered && session.agentID != nil }

    /// Sends `body` to the manager (or through it to `peer`); returns whether libzmq took it.
    @discardableResult
    public mutating func send<Body: MessageBody>(_ body: Body, to peer: String = "", conversationID: String, now: UInt64) -> Bool {
        send(session.message(body, to: peer, conversationID: conversationID), now: now)
    }

    /// Sends a prepared message.
    @discardableResult
    public mutating func send(_ message: WireMessage, now: UInt64) -> Bool {
        link.sent(now)
        return transport.send(message)
    }

    /// Sends a registration request (without a token) and waits for the answer.
    public mutating func register<Body: MessageBody>(_ request: Body, now: UInt64) {
        session.forgetToken()
        link.registering(now)
        send(request, conversationID: "conv-register-\(session.displayName)", now: now)
    }

    /// The manager accepted the registration.
    public mutating func registered(id: String, token: String, now: UInt64) {
        session.registered(id: id, token: token)
        link.registered(now)
        logger.info("registered", metadata: ["agent": "\(id)"])
    }

    /// Something arrived from the manager.
    public mutating func heard(_ now: UInt64) { link.heard(now) }

    /// A HEARTBEAT from the manager: adopt its interval if it is shorter than ours.
    public mutating func managerHeartbeat(_ wire: WireMessage) {
        guard let beat = try? codec.decode(Heartbeat.self, from: wire.body).body else { return }
        link.adopt(managerIntervalMilliseconds: beat.intervalMilliseconds)
    }

    /// Whether a LEAGUE_ERROR means the manager no longer knows this agent (a restarted manager, a
    /// connection it replaced): the caller should register again.
    public func mustRegisterAgain(after error: LeagueError) -> Bool {
        isRegistered
            && (error.errorCode == .playerNotRegistered || error.errorCode == .authTokenInvalid || error.errorCode == .authTokenMissing)
    }

    /// Advances the link: sends a heartbeat when due, replaces the socket when a reconnect is due.
    /// Returns the action so the core can drop work on `.lost` and register on `.reconnect`.
    public mutating func tick(_ now: UInt64) -> ManagerLink.Action {
        let action = link.poll(now)
        switch action {
        case .sendHeartbeat:
            send(Heartbeat(intervalMilliseconds: link.policy.heartbeatMilliseconds), conversationID: "heartbeat", now: now)
        case .lost:
            logger.warning("manager lost; reconnecting after backoff", metadata: ["agent": "\(session.agentID ?? session.displayName)"])
        case .reconnect:
            transport.reconnect()
        case .none:
            break
        }
        return action
    }

    public var nextDeadline: UInt64 { link.nextDeadline }
}
