import LeagueProtocol
import ZeroMQ

/// An Even/Odd player made by hand that leaves its first GAME_INVITATION unanswered until ``open()``: a
/// league it plays in cannot finish before then, however fast or slow the machine is. It answers the
/// manager's heartbeats all along, and once open it joins every match and always chooses "even".
public final class GatedPlayer: Sendable {
    private let peer: TestPeer
    /// The id the manager gave it.
    public let id: String
    private let gate = Completion<Bool>()
    private let finished = Completion<Bool>()

    /// Connects, registers as `name` and starts answering.
    public init(name: String, endpoint: String, context: Context) async throws {
        peer = try await TestPeer(.dealer, endpoint: endpoint, context: context)
        let meta = #"{"display_name":"\#(name)","version":"1","game_types":["even_odd"]}"#
        peer.send(
            LeagueFrames.frames(
                "LEAGUE_REGISTER_REQUEST",
                body: LeagueFrames.json("LEAGUE_REGISTER_REQUEST", sender: "player:\(name)", fields: ["player_meta": meta])))
        var response: LeagueRegisterResponse?
        while response == nil, let frames = await peer.receive() { response = LeagueFrames.decode(LeagueRegisterResponse.self, frames) }
        guard let id = response?.playerID, let token = response?.authToken else {
            throw ClusterError(reason: "the gated player could not register")
        }
        self.id = id
        let answerer = Answerer(peer: peer, id: id, token: token, gate: gate, finished: finished)
        Task { await answerer.run() }
    }

    /// Lets the player answer its invitations from now on.
    public func open() { gate.complete(true) }

    /// Stops answering and closes the socket.
    public func close() async {
        finished.complete(true)
        await peer.close()
    }
}

/// The player's answering loop.
private struct Answerer: Sendable {
    let peer: TestPeer
    let id: String
    let token: String
    let gate: Completion<Bool>
    let finished: Completion<Bool>

    func run() async {
        var held: [(referee: String, invitation: GameInvitation)] = []
        while finished.value == nil {
            if gate.value != nil {
                for (referee, invitation) in held {
                    send(GameJoinAck(matchID: invitation.matchID, playerID: id, accept: true), to: referee)
                }
                held.removeAll()
            }
            // A short wait for input, so an opened gate is noticed soon even when nothing arrives.
            guard let frames = await peer.receive(within: 0.2), frames.count == 5 else { continue }
            let referee = String(decoding: frames[2], as: UTF8.self)
            if LeagueFrames.decode(Heartbeat.self, frames) != nil {
                send(Heartbeat(intervalMilliseconds: 1_000))
            } else if let invitation = LeagueFrames.decode(GameInvitation.self, frames) {
                held.append((referee, invitation))
            } else if let call = LeagueFrames.decode(ChooseParityCall.self, frames) {
                send(ChooseParityResponse(matchID: call.matchID, playerID: id, parityChoice: "even"), to: referee)
            }
        }
    }

    private func send<Body: MessageBody>(_ body: Body, to peerID: String = "") {
        let bytes = MessageCodec().encode(body, sender: "player:\(id)", conversationID: "conv-gated", authToken: token)
        peer.send(WireMessage(type: Body.messageType, peer: Array(peerID.utf8), token: Array(token.utf8), body: bytes).frames)
    }
}
