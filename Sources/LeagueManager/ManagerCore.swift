import LeagueProtocol
import Logging

/// The League Manager's logic: registration, authentication, routing, scheduling, results and standings.
///
/// It never touches a socket: input arrives through ``receive(identity:frames:)`` and output leaves through
/// the `transmit` closure, so the broker owns the ROUTER socket and tests can drive the logic directly.
/// Not `Sendable`: it lives on the broker's event-loop thread.
public final class ManagerCore {
    /// Sends `frames` to the connection `identity`; returns `false` when it could not be delivered.
    public typealias Transmit = (_ identity: [UInt8], _ frames: [[UInt8]]) -> Bool

    static let senderName = "league_manager"
    let logger: Logger
    let transmit: Transmit
    let codec = MessageCodec()
    var registry = AgentRegistry()
    var leagues: [LeagueState] = []
    var leagueIndex: [String: Int] = [:]
    /// What has happened so far.
    public internal(set) var stats = ManagerStats()

    public init(logger: Logger, transmit: @escaping Transmit) {
        self.logger = logger
        self.transmit = transmit
    }

    /// Handles one message from the connection `identity` (the frames after the ROUTER's identity frame).
    public func receive(identity: [UInt8], frames: [[UInt8]]) {
        stats.received += 1
        let wire: WireMessage
        do {
            wire = try WireMessage.parse(frames)
        } catch {
            let type = frames.count > 1 ? String(decoding: frames[1].prefix(64), as: UTF8.self) : nil
            reject(identity, error, type: type, body: frames.count == 5 ? frames[4] : nil)
            return
        }
        do {
            if wire.type.isRouted {
                try route(wire, frames: frames, from: identity)
                return
            }
            switch wire.type {
            case .refereeRegisterRequest: try registerReferee(wire, from: identity)
            case .leagueRegisterRequest: try registerPlayer(wire, from: identity)
            case .startLeague: try startLeague(wire, from: identity)
            case .leagueQuery: try answerQuery(wire, from: identity)
            case .matchResultReport: try recordResult(wire, from: identity)
            default:
                throw ProtocolError(.unknownMessageType, "the manager does not accept \(wire.type.rawValue)")
            }
        } catch {
            reject(identity, error, type: wire.type.rawValue, body: wire.body)
        }
    }

    /// The registered agent behind `identity`, after checking the token frame.
    func authenticate(_ wire: WireMessage, from identity: [UInt8]) throws(ProtocolError) -> AgentRegistry.Agent {
        guard let id = registry.id(forIdentity: identity), let agent = registry[id] else {
            throw ProtocolError(.playerNotRegistered, "register before sending \(wire.type.rawValue)")
        }
        guard !wire.token.isEmpty else { throw ProtocolError(.authTokenMissing, "the auth_token frame is empty") }
        guard wire.token == agent.token else { throw ProtocolError(.authTokenInvalid, "auth_token does not match \(id)") }
        return agent
    }

    /// Authenticates registered agents; operator tools (unregistered connections, no token) pass as `nil`.
    func authenticateIfAgent(_ wire: WireMessage, from identity: [UInt8]) throws(ProtocolError) -> AgentRegistry.Agent? {
        if registry.id(forIdentity: identity) != nil { return try authenticate(wire, from: identity) }
        guard wire.token.isEmpty else { throw ProtocolError(.authTokenInvalid, "auth_token belongs to no agent") }
        return nil
    }

    /// Forwards a game message between a referee and a player who share a match in progress.
    private func route(_ wire: WireMessage, frames: [[UInt8]], from identity: [UInt8]) throws(ProtocolError) {
        let sender = try authenticate(wire, from: identity)
        let peerID = wire.peerID
        guard let peer = registry[peerID] else {
            throw ProtocolError(.notInMatch, "no agent \"\(peerID.prefix(32))\" to deliver \(wire.type.rawValue) to")
        }
        let allowed: Bool
        if MessageType.refereeToPlayer.contains(wire.type) {
            allowed = sender.role == .referee && peer.role == .player && peer.activeMatch?.refereeID == sender.id
        } else {
            allowed = sender.role == .player && peer.role == .referee && sender.activeMatch?.refereeID == peer.id
        }
        guard allowed else {
            throw ProtocolError(.notInMatch, "\(sender.id) and \(peer.id) share no match in progress")
        }
        guard transmit(peer.identity, [frames[0], frames[1], sender.idBytes, [], frames[4]]) else {
            stats.undeliverable += 1
            throw ProtocolError(.connectionError, "\(peer.id) is not reachable")
        }
        stats.routed += 1
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
        let delivered = transmit(identity, [WireMessage.protocolTag, Array(type.rawValue.utf8), [], [], body])
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
        logger.warning(
            "rejected message",
            metadata: [
                "code": "\(failure.code.rawValue)", "type": "\(type ?? "-")", "detail": "\(failure.detail)",
                "agent": "\(registry.id(forIdentity: identity) ?? "unregistered")",
            ])
        send(LeagueError(failure, originalMessageType: type), to: identity, conversationID: conversation)
    }
}
