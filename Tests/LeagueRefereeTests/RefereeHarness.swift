import LeagueAgent
import LeagueGames
import LeagueProtocol
import LeagueReferee
import LeagueTestSupport
import Logging

/// Drives a ``RefereeCore`` without sockets: records what it transmits, builds the manager's and players'
/// frames, and keeps explicit nanosecond time.
final class RefereeHarness {

    static let token = "tok-ref-7"
    static let refereeID = "REF07"
    static let joinMilliseconds = 5_000
    static let moveMilliseconds = 30_000
    static let retryMilliseconds = 1_000
    static let start: UInt64 = 1_000_000_000_000

    let recorder = TransportRecorder()
    let core: RefereeCore
    let codec = MessageCodec()
    var now = RefereeHarness.start

    let assignment: MatchAssignment

    /// Heartbeats so rare they never show up unless a test asks for them. The assignment is for `game`
    /// (Even/Odd unless told) with `gameOptions`.
    init(
        link: ManagerLink.Policy = ManagerLink.Policy(heartbeatMilliseconds: 3_600_000), game: GameType = .evenOdd,
        gameOptions: GameOptions? = nil, games: [GameType] = GameCatalog.builtIn.types, catalog: GameCatalog = .builtIn
    ) {
        assignment = MatchAssignment(
            leagueID: "L1", roundID: 3, matchID: "R3M2", gameType: game.rawValue, playerAID: "P01", playerBID: "P02",
            seed: 0xA5A5_0123_4567_89AB, playerAStandings: .init(wins: 2, losses: 0, draws: 0),
            playerBStandings: .init(wins: 0, losses: 1, draws: 1), gameOptions: gameOptions)
        core = RefereeCore(
            configuration: RefereeConfiguration(
                name: "REF", maxMatches: 2, joinTimeoutMilliseconds: Self.joinMilliseconds,
                moveTimeoutMilliseconds: Self.moveMilliseconds, retryIntervalMilliseconds: Self.retryMilliseconds, link: link,
                games: games),
            logger: Logger(label: "test.referee") { _ in SwiftLogNoOpLogHandler() },
            transport: recorder.transport,
            now: Self.start,
            catalog: catalog)
    }

    static func ns(milliseconds: Int) -> UInt64 { TransportRecorder.ns(milliseconds: milliseconds) }

    var sent: [WireMessage] { recorder.sent }

    /// Removes and returns everything transmitted so far.
    func drain() -> [WireMessage] { recorder.drain() }

    func advance(milliseconds: Int) {
        now += Self.ns(milliseconds: milliseconds)
        core.fireTimers(now: now)
    }

    /// A message from the manager itself (empty peer and token frames).
    func fromManager<Body: MessageBody>(_ body: Body, conversationID: String = "conv-mgr") {
        let bytes = codec.encode(body, sender: "league_manager", conversationID: conversationID)
        core.receive(WireMessage(type: Body.messageType, body: bytes).frames, now: now)
    }

    /// A player's message as the manager forwards it: the peer frame names the player.
    func fromPlayer<Body: MessageBody>(_ player: String, _ body: Body) {
        let bytes = codec.encode(body, sender: "player:\(player)", conversationID: "conv-match", authToken: "tok-\(player)")
        core.receive(
            WireMessage(type: Body.messageType, peer: Array(player.utf8), token: Array("tok-\(player)".utf8), body: bytes).frames, now: now)
    }

    /// Starts and registers the referee, then discards what it sent.
    func register() {
        core.start(now: now)
        fromManager(
            RefereeRegisterResponse(status: .accepted, refereeID: Self.refereeID, authToken: Self.token),
            conversationID: "conv-register-REF")
        _ = drain()
    }

    /// Sends the MATCH_ASSIGNMENT and takes the referee's MATCH_ASSIGNMENT_ACK out of the record; returns it.
    @discardableResult
    func assign() -> MatchAssignmentAck? {
        let before = recorder.sent.count
        fromManager(assignment, conversationID: "conv-R3M2")
        guard let index = recorder.sent[before...].firstIndex(where: { $0.type == .matchAssignmentAck }) else { return nil }
        let ack = recorder.sent.remove(at: index)
        return try? codec.decode(MatchAssignmentAck.self, from: ack.body).body
    }

    func join(_ player: String, accept: Bool = true, matchID: String? = nil, playerID: String? = nil) {
        fromPlayer(player, GameJoinAck(matchID: matchID ?? assignment.matchID, playerID: playerID ?? player, accept: accept))
    }

    func choose(_ player: String, _ choice: String, matchID: String? = nil, playerID: String? = nil) {
        fromPlayer(player, ChooseParityResponse(matchID: matchID ?? assignment.matchID, playerID: playerID ?? player, parityChoice: choice))
    }

    /// A MOVE_RESPONSE from `player` for `turn`.
    func move(_ player: String, _ move: String, turn: Int, matchID: String? = nil, playerID: String? = nil) {
        fromPlayer(player, MoveResponse(matchID: matchID ?? assignment.matchID, playerID: playerID ?? player, turn: turn, move: move))
    }

    func acknowledge(status: RequestStatus = .accepted) {
        fromManager(MatchResultAck(leagueID: assignment.leagueID, matchID: assignment.matchID, status: status))
    }

    /// Registered, assigned and both players joined; the transcript is drained.
    func startChoosing() {
        register()
        assign()
        join("P01")
        join("P02")
        _ = drain()
    }

    func decode<Body: MessageBody>(_ type: Body.Type, _ wire: WireMessage) throws -> Message<Body> {
        try codec.decode(type, from: wire.body)
    }

    /// Every transmitted message of `Body`'s type, decoded, with its peer.
    func messages<Body: MessageBody>(_ type: Body.Type, in wires: [WireMessage]) throws -> [(peer: String, message: Message<Body>)] {
        try wires.filter { $0.type == Body.messageType }.map { ($0.peerID, try decode(type, $0)) }
    }

    /// The number the referee must draw for the assignment.
    var expectedNumber: Int {
        var generator = SeededGenerator(seed: assignment.seed)
        return EvenOddRules.draw(using: &generator)
    }
}
