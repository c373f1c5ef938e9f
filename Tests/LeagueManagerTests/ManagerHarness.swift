import LeagueManager
import LeagueProtocol
import LeagueStore
import LeagueTestSupport
import Logging

/// Drives a ``ManagerCore`` directly and records what it sends (pure logic: no sockets).
final class ManagerHarness {
    /// What the core transmitted.
    final class Recorder {
        var sent: [(identity: [UInt8], frames: [[UInt8]])] = []
    }

    /// The games a manager started by the runtime hosts.
    static let builtInGames: Set<GameType> = ["even_odd", "rps", "connect_four"]

    let recorder = Recorder()
    /// The time messages are delivered at unless a call says otherwise.
    var now: UInt64
    let core: ManagerCore
    let codec = MessageCodec()
    var sent: [(identity: [UInt8], frames: [[UInt8]])] { recorder.sent }

    init(policy: ManagerPolicy = ManagerPolicy(), store: any LeagueStore = MemoryLeagueStore(), now: UInt64 = 1_000_000_000) throws {
        var policy = policy
        if policy.hostedGames.isEmpty { policy.hostedGames = ManagerHarness.builtInGames }
        let recorder = self.recorder
        self.now = now
        core = try ManagerCore(
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }), policy: policy, store: store, now: now
        ) { identity, frames in
            recorder.sent.append((identity, frames))
            return true
        }
    }

    /// Sends frames from the connection `identity` and returns what the manager sent in response.
    @discardableResult
    func deliver(_ identity: String, _ frames: [[UInt8]], now: UInt64? = nil) -> [(identity: String, frames: [[UInt8]])] {
        let before = sent.count
        core.receive(identity: Array(identity.utf8), frames: frames, now: now ?? self.now)
        return sent[before...].map { (String(decoding: $0.identity, as: UTF8.self), $0.frames) }
    }

    func message<Body: MessageBody>(_ body: Body, peer: String = "", token: String = "", sender: String = "test") -> [[UInt8]] {
        let bytes = codec.encode(body, sender: sender, conversationID: "conv-\(sender)", authToken: token.isEmpty ? nil : token)
        return WireMessage(type: Body.messageType, peer: Array(peer.utf8), token: Array(token.utf8), body: bytes).frames
    }

    /// Registers a player from connection `identity`; returns its id and token.
    func registerPlayer(_ name: String, identity: String? = nil, token: String = "", now: UInt64? = nil) -> (id: String, token: String) {
        let request = LeagueRegisterRequest(playerMeta: .init(displayName: name, version: "1", gameTypes: ["even_odd"]))
        let reply = deliver(identity ?? name, message(request, token: token), now: now)
        let response = reply.first.flatMap { LeagueFrames.decode(LeagueRegisterResponse.self, $0.frames) }
        return (response?.playerID ?? "", response?.authToken ?? "")
    }

    /// Registers a referee from connection `identity`; returns its id and token.
    func registerReferee(_ name: String, capacity: Int = 4, identity: String? = nil) -> (id: String, token: String) {
        let reply = deliver(
            identity ?? name,
            message(
                RefereeRegisterRequest(
                    refereeMeta: .init(displayName: name, version: "1", gameTypes: ["even_odd"], maxConcurrentMatches: capacity))))
        let response = reply.first.flatMap { LeagueFrames.decode(RefereeRegisterResponse.self, $0.frames) }
        return (response?.refereeID ?? "", response?.authToken ?? "")
    }

    /// Every message of type `Body` sent to `identity` so far.
    func received<Body: MessageBody>(_ type: Body.Type, by identity: String) -> [Body] {
        sent.filter { $0.identity == Array(identity.utf8) }.compactMap { LeagueFrames.decode(Body.self, $0.frames) }
    }

    /// The error code of a LEAGUE_ERROR among `replies`.
    static func errorCode(_ replies: [(identity: String, frames: [[UInt8]])]) -> ErrorCode? {
        replies.compactMap { LeagueFrames.decode(LeagueError.self, $0.frames) }.first?.errorCode
    }
}
