import LeagueAgent
import LeaguePlayer
import LeagueProtocol
import LeagueTestSupport
import Logging

/// Drives a ``PlayerCore`` without sockets: records what it transmits and feeds it frames at explicit times.
final class PlayerHarness {

    /// Heartbeats so rare they never show up in a test unless it asks for them.
    static let quiet = ManagerLink.Policy(heartbeatMilliseconds: 3_600_000)

    static let playerID = "P05"
    static let token = "tok-P05"
    static let refereeID = "REF02"

    let recorder = TransportRecorder()
    let core: PlayerCore
    let codec = MessageCodec()
    var now: UInt64 = 7_000_000_000_000

    init(
        strategy: StrategyKind = .random, thinkMilliseconds: Int = 0, link: ManagerLink.Policy = PlayerHarness.quiet,
        games: [GameType] = [.evenOdd], moveStrategies: [GameType: MoveStrategyKind] = [:]
    ) {
        core = PlayerCore(
            configuration: PlayerConfiguration(
                name: "alice", strategy: strategy, seed: 99, thinkMilliseconds: thinkMilliseconds, link: link, games: games,
                moveStrategies: moveStrategies),
            logger: Logger(label: "test.player") { _ in SwiftLogNoOpLogHandler() },
            transport: recorder.transport,
            now: now)
    }

    static func ns(milliseconds: Int) -> UInt64 { TransportRecorder.ns(milliseconds: milliseconds) }

    var sent: [WireMessage] { recorder.sent }

    func drain() -> [WireMessage] { recorder.drain() }

    func advance(milliseconds: Int) {
        now += Self.ns(milliseconds: milliseconds)
        core.fireTimers(now: now)
    }

    func fromManager<Body: MessageBody>(_ body: Body, conversationID: String = "conv-mgr") {
        let bytes = codec.encode(body, sender: "league_manager", conversationID: conversationID)
        core.receive(WireMessage(type: Body.messageType, body: bytes).frames, now: now)
    }

    /// A referee's message as the manager forwards it: the peer frame names the referee.
    func fromReferee<Body: MessageBody>(_ body: Body, conversationID: String = "conv-R1M1") {
        let bytes = codec.encode(body, sender: "referee:\(Self.refereeID)", conversationID: conversationID, authToken: "tok-ref")
        core.receive(
            WireMessage(type: Body.messageType, peer: Array(Self.refereeID.utf8), token: Array("tok-ref".utf8), body: bytes).frames,
            now: now)
    }

    func register() {
        core.start(now: now)
        fromManager(LeagueRegisterResponse(status: .accepted, playerID: Self.playerID, authToken: Self.token))
        _ = drain()
    }

    static let invitation = GameInvitation(leagueID: "L1", roundID: 1, matchID: "R1M1", roleInMatch: .playerA, opponentID: "P06")

    static func call(opponent: String = "P06") -> ChooseParityCall {
        ChooseParityCall(
            matchID: "R1M1", playerID: playerID, context: .init(opponentID: opponent, roundID: 1, yourStandings: .init()),
            deadline: "2026-11-28T10:00:30.000Z")
    }

    func decode<Body: MessageBody>(_ type: Body.Type, _ wire: WireMessage) throws -> Message<Body> {
        try codec.decode(type, from: wire.body)
    }
}
