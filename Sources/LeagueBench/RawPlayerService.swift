import ZeroMQ

/// A raw-relay player: answers each invitation with a join ack and each parity call with a response,
/// echoing the token frame (the referee's match slot). Nothing is decoded.
final class RawPlayerService: LoopService {
    let sockets: [Socket]
    private let dealer: Socket
    private let messages: RawMessages

    init(context: Context, endpoint: String, name: String, messages: RawMessages) throws {
        dealer = try RawAgentSocket.connect(context, to: endpoint, name: name, role: "player")
        sockets = [dealer]
        self.messages = messages
    }

    func readable(socket index: Int, now: UInt64) {
        for _ in 0..<256 {
            guard let frames = try? dealer.receive() else { return }
            guard frames.count == 5 else { continue }
            let reply: RawMessages.Frame
            if frames[1] == messages.invitation.type {
                reply = messages.joinAck
            } else if frames[1] == messages.call.type {
                reply = messages.response
            } else {
                continue  // GAME_OVER
            }
            try? dealer.send([frames[0], reply.type, frames[2], frames[3], reply.body])
        }
    }
}
