import LeagueProtocol
import LeagueStore
import Logging
import ZeroMQ

/// The League Manager's logic: registration, authentication, liveness, routing, scheduling, leases,
/// results, standings and queries.
///
/// It never touches a socket: input arrives through ``receive(identity:frames:now:)`` and ``tick(now:)``,
/// output leaves through the `transmit` closure, and durable state goes to a ``LeagueStore``. The broker owns
/// the ROUTER socket and drives it; tests drive it directly. Not `Sendable`: it lives on the broker's
/// event-loop thread.
public final class ManagerCore {
    /// Sends `frames` to the connection `identity`; returns `false` when it could not be delivered.
    public typealias Transmit = (_ identity: [UInt8], _ frames: [[UInt8]]) -> Bool

    static let senderName = "league_manager"
    let logger: Logger
    let transmit: Transmit
    let policy: ManagerPolicy
    let store: any LeagueStore
    let codec = MessageCodec()
    var registry = AgentRegistry()
    /// Every league, each owned by its engine, in creation order.
    var leagues: [LeagueEngine] = []
    var leagueIndex: [LeagueID: Int] = [:]
    /// Leases whose MATCH_ASSIGNMENT has not been acknowledged yet.
    var unacknowledged: Set<MatchRef> = []
    var nextHeartbeat: UInt64 = 0
    /// What has happened so far.
    public internal(set) var stats = ManagerStats()
    /// Live events for observers (the HTTP API); nil when nobody listens.
    let events: EventHub<LeagueEvent>?
    /// Durations (seconds, lease to result) of matches finished since ``takeDurations()``.
    var durations: [Double] = []
    /// Leagues whose newest rounds could not be stored yet; retried on each heartbeat tick.
    var unstoredLeagues: Set<Int> = []

    /// A manager that resumes whatever `store` holds: finished matches stay finished, the rest are leased
    /// again once their agents are back.
    public init(
        logger: Logger, policy: ManagerPolicy = ManagerPolicy(), store: any LeagueStore = MemoryLeagueStore(),
        events: EventHub<LeagueEvent>? = nil, now: UInt64 = MonotonicClock.now(), transmit: @escaping Transmit
    ) throws(StoreError) {
        self.logger = logger
        self.events = events
        self.transmit = transmit
        self.policy = policy
        self.store = store
        try restore(from: store.load(), now: now)
        nextHeartbeat = now + policy.heartbeat
    }

    /// Handles one message from the connection `identity` (the frames after the ROUTER's identity frame).
    public func receive(identity: [UInt8], frames: [[UInt8]], now: UInt64 = MonotonicClock.now()) {
        stats.received += 1
        let wire: WireMessage
        do {
            wire = try WireMessage.parse(frames)
            stats.messagesIn[wire.type.rawValue, default: 0] += 1
        } catch {
            let type = frames.count > 1 ? String(decoding: frames[1].prefix(64), as: UTF8.self) : nil
            reject(identity, error, type: type, body: frames.count == 5 ? frames[4] : nil)
            return
        }
        do {
            if wire.type.isRouted {
                try route(wire, frames: frames, from: identity, now: now)
                return
            }
            switch wire.type {
            case .heartbeat: _ = try authenticate(wire, from: identity, now: now)
            case .refereeRegisterRequest: try registerReferee(wire, from: identity, now: now)
            case .leagueRegisterRequest: try registerPlayer(wire, from: identity, now: now)
            case .startLeague: try startLeague(wire, from: identity, now: now)
            case .leagueQuery: try answerQuery(wire, from: identity, now: now)
            case .matchAssignmentAck: try assignmentAcknowledged(wire, from: identity, now: now)
            case .matchResultReport: try recordResult(wire, from: identity, now: now)
            case .agentLeaving: try agentLeaving(wire, from: identity, now: now)
            default:
                throw ProtocolError(.unknownMessageType, "the manager does not accept \(wire.type.rawValue)")
            }
        } catch {
            reject(identity, error, type: wire.type.rawValue, body: wire.body)
        }
    }

    /// The registered agent behind `identity`, after checking the token frame; it counts as heard from.
    func authenticate(_ wire: WireMessage, from identity: [UInt8], now: UInt64) throws(ProtocolError) -> AgentRegistry.Agent {
        guard let id = registry.id(forIdentity: identity), var agent = registry[id] else {
            throw ProtocolError(.playerNotRegistered, "register before sending \(wire.type.rawValue)")
        }
        guard !wire.token.isEmpty else { throw ProtocolError(.authTokenMissing, "the auth_token frame is empty") }
        guard wire.token == agent.token else { throw ProtocolError(.authTokenInvalid, "auth_token does not match \(id)") }
        agent.lastSeen = now
        if !agent.connected {
            agent.connected = true
            agent.disconnectedAt = nil
            logger.info("agent is back", metadata: ["agent": "\(id)"])
        }
        registry[id] = agent
        return agent
    }

    /// Authenticates registered agents; operator tools (unregistered connections, no token) pass as `nil`.
    func authenticateIfAgent(_ wire: WireMessage, from identity: [UInt8], now: UInt64) throws(ProtocolError) -> AgentRegistry.Agent? {
        if registry.id(forIdentity: identity) != nil { return try authenticate(wire, from: identity, now: now) }
        guard wire.token.isEmpty else { throw ProtocolError(.authTokenInvalid, "auth_token belongs to no agent") }
        return nil
    }

    /// Forwards a game message between a referee and a player who share a match in progress, and adds it
    /// to that match's transcript. The body is never decoded.
    private func route(_ wire: WireMessage, frames: [[UInt8]], from identity: [UInt8], now: UInt64) throws(ProtocolError) {
        let sender = try authenticate(wire, from: identity, now: now)
        let peerID = wire.peerID
        guard let peer = registry[wire: peerID] else {
            throw ProtocolError(.notInMatch, "no agent \"\(peerID.prefix(32))\" to deliver \(wire.type.rawValue) to")
        }
        let active: AgentRegistry.ActiveMatch?
        if MessageType.refereeToPlayer.contains(wire.type) {
            active = sender.role == .referee && peer.role == .player && peer.activeMatch?.refereeID == sender.id ? peer.activeMatch : nil
        } else {
            active = sender.role == .player && peer.role == .referee && sender.activeMatch?.refereeID == peer.id ? sender.activeMatch : nil
        }
        guard let active else {
            throw ProtocolError(.notInMatch, "\(sender.id) and \(peer.id) share no match in progress")
        }
        guard transmit(peer.identity, [frames[0], frames[1], sender.idBytes, [], frames[4]]) else {
            stats.undeliverable += 1
            throw ProtocolError(.connectionError, "\(peer.id) is not reachable")
        }
        stats.routed += 1
        stats.messagesOut[wire.type.rawValue, default: 0] += 1
        leagues[active.match.league].record(
            active.match.match, wire.type.rawValue, from: sender.id.rawValue, to: peer.id.rawValue, now: now)
    }

    /// Sends a message authored by the manager.
    @discardableResult
    func send<Body: MessageBody>(_ body: Body, to identity: [UInt8], conversationID: String) -> Bool {
        send(encoded: encode(body, conversationID: conversationID), type: Body.messageType, to: identity)
    }

    func encode<Body: MessageBody>(_ body: Body, conversationID: String) -> [UInt8] {
        codec.encode(body, sender: Self.senderName, conversationID: conversationID)
    }

    @discardableResult
    func send(encoded body: [UInt8], type: MessageType, to identity: [UInt8]) -> Bool {
        guard !identity.isEmpty else { return false }
        let delivered = transmit(identity, [WireMessage.protocolTag, type.frame, [], [], body])
        stats.messagesOut[type.rawValue, default: 0] += 1
        if !delivered {
            stats.undeliverable += 1
            logger.debug("undeliverable", metadata: ["type": "\(type.rawValue)"])
        }
        return delivered
    }

    /// Answers a message the manager will not act on with LEAGUE_ERROR, and counts it.
    func reject(_ identity: [UInt8], _ error: any Error, type: String?, body: [UInt8]?) {
        let failure = error as? ProtocolError ?? ProtocolError(.invalidJSON, "\(error)")
        stats.errors[failure.code, default: 0] += 1
        let conversation = body.flatMap { codec.envelope(of: $0)?.conversationID } ?? "none"
        let level: Logger.Level = failure.code == .playerNotRegistered && type == MessageType.heartbeat.rawValue ? .debug : .warning
        logger.log(
            level: level, "rejected message",
            metadata: [
                "code": "\(failure.code.rawValue)", "type": "\(type ?? "-")", "detail": "\(failure.detail)",
                "agent": "\(registry.id(forIdentity: identity)?.rawValue ?? "unregistered")", "conversation": "\(conversation)",
            ])
        send(LeagueError(failure, originalMessageType: type), to: identity, conversationID: conversation)
    }

    /// Runs a store write; a failure is counted, logged and turned into E110 so nothing is acknowledged.
    func persist(_ operation: String, _ body: () throws(StoreError) -> Void) throws(ProtocolError) {
        do {
            try body()
        } catch {
            stats.storeFailures += 1
            logger.error("store write failed", metadata: ["operation": "\(operation)", "error": "\(error)"])
            throw ProtocolError(.storageError, "could not store \(operation); send it again")
        }
    }
}
