import LeagueProtocol
import ZeroMQ

/// A referee made by hand from a raw DEALER, for tests that need a referee to misbehave on purpose.
public final class RawReferee: Sendable {
    private let peer: TestPeer
    private let token: String
    /// Kept alive for the peer's loop.
    private let context: Context

    /// Connects and registers as a referee that runs one match at a time.
    public init(endpoint: String, name: String = "raw-referee") async throws {
        context = try Context()
        peer = try await TestPeer(.dealer, endpoint: endpoint, context: context)
        let meta = #"{"display_name":"\#(name)","version":"1","game_types":["even_odd"],"max_concurrent_matches":1}"#
        peer.send(
            LeagueFrames.frames(
                "REFEREE_REGISTER_REQUEST",
                body: LeagueFrames.json("REFEREE_REGISTER_REQUEST", sender: "referee:\(name)", fields: ["referee_meta": meta])))
        var token: String?
        while token == nil, let frames = await peer.receive() {
            token = LeagueFrames.decode(RefereeRegisterResponse.self, frames)?.authToken
        }
        guard let token else { throw ClusterError(reason: "the raw referee could not register") }
        self.token = token
    }

    /// Waits for the next MATCH_ASSIGNMENT and acknowledges it.
    public func nextAssignment(within seconds: Double = 20) async -> MatchAssignment? {
        while let frames = await peer.receive(within: seconds) {
            guard let assignment = LeagueFrames.decode(MatchAssignment.self, frames) else { continue }
            send(
                MatchAssignmentAck(leagueID: assignment.leagueID, matchID: assignment.matchID, leaseID: assignment.leaseID, accepted: true))
            return assignment
        }
        return nil
    }

    /// A valid DRAW result for `assignment` (both chose even, 2 was drawn).
    public static func draw(_ assignment: MatchAssignment) -> MatchResultReport {
        MatchResultReport(
            leagueID: assignment.leagueID, roundID: assignment.roundID, matchID: assignment.matchID, leaseID: assignment.leaseID,
            result: .init(
                winner: nil, score: [assignment.playerAID: 1, assignment.playerBID: 1],
                details: .init(
                    status: .draw, drawnNumber: 2, choices: [assignment.playerAID: "even", assignment.playerBID: "even"],
                    seed: assignment.seed, reason: "both chose even")))
    }

    /// Sends a result and returns the MATCH_RESULT_ACK that answers it (nil if a LEAGUE_ERROR came).
    public func report(_ report: MatchResultReport) async throws -> MatchResultAck? {
        send(report)
        while let frames = await peer.receive() {
            if let ack = LeagueFrames.decode(MatchResultAck.self, frames) { return ack }
            if LeagueFrames.decode(LeagueError.self, frames) != nil { return nil }
        }
        throw ClusterError(reason: "no answer to MATCH_RESULT_REPORT")
    }

    /// Sends a result and returns the error code of the LEAGUE_ERROR that answers it.
    public func reportError(_ report: MatchResultReport) async throws -> ErrorCode? {
        send(report)
        while let frames = await peer.receive() {
            if let error = LeagueFrames.decode(LeagueError.self, frames) { return error.errorCode }
            if LeagueFrames.decode(MatchResultAck.self, frames) != nil { return nil }
        }
        throw ClusterError(reason: "no answer to MATCH_RESULT_REPORT")
    }

    private func send<Body: MessageBody>(_ body: Body) {
        let bytes = MessageCodec().encode(body, sender: "referee:raw", conversationID: "conv-raw", authToken: token)
        peer.send(WireMessage(type: Body.messageType, token: Array(token.utf8), body: bytes).frames)
    }

    public func close() async { await peer.close() }
}
