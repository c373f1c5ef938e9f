import ZeroMQ

/// A raw-relay referee: runs its share of matches, `capacity` at a time, sending the same messages as a
/// real referee (invitations, parity calls, game-overs, the report) but deciding nothing. Each match's slot
/// travels in the token frame, which the players echo. Latency is from the first invitation to the
/// acknowledgement of the report.
final class RawRefereeService: LoopService {
    let sockets: [Socket]
    private let dealer: Socket
    private let messages: RawMessages
    private let recorder: LatencyRecorder
    private var queue: [(a: [UInt8], b: [UInt8])]
    private var next = 0
    private var slots: [Slot?]

    private struct Slot {
        let a: [UInt8]
        let b: [UInt8]
        let start: UInt64
        var joins = 0
        var choices = 0
    }

    init(
        context: Context, endpoint: String, name: String, matches: [(a: [UInt8], b: [UInt8])], capacity: Int, messages: RawMessages,
        recorder: LatencyRecorder
    ) throws {
        dealer = try RawAgentSocket.connect(context, to: endpoint, name: name, role: "referee")
        sockets = [dealer]
        self.messages = messages
        self.recorder = recorder
        self.queue = matches
        self.slots = Array(repeating: nil, count: capacity)
    }

    private static func token(_ slot: Int) -> [UInt8] { [UInt8(truncatingIfNeeded: slot), UInt8(truncatingIfNeeded: slot >> 8)] }

    private func start(_ slot: Int) {
        guard next < queue.count else {
            slots[slot] = nil
            return
        }
        let match = queue[next]
        next += 1
        slots[slot] = Slot(a: match.a, b: match.b, start: MonotonicClock.now())
        send(messages.invitation, to: match.a, slot: slot)
        send(messages.invitation, to: match.b, slot: slot)
    }

    private func send(_ frame: RawMessages.Frame, to peer: [UInt8], slot: Int) {
        try? dealer.send([messages.protocolTag, frame.type, peer, Self.token(slot), frame.body])
    }

    func readable(socket index: Int, now: UInt64) {
        for _ in 0..<256 {
            guard let frames = try? dealer.receive() else { return }
            guard frames.count == 5 else { continue }
            if frames[1] == RawRelayBroker.go {
                for slot in slots.indices { start(slot) }
                continue
            }
            guard frames[3].count == 2 else { continue }
            let slot = Int(frames[3][0]) | Int(frames[3][1]) << 8
            guard slots.indices.contains(slot), var state = slots[slot] else { continue }
            let type = frames[1]
            if type == messages.joinAck.type {
                state.joins += 1
                slots[slot] = state
                if state.joins == 2 {
                    send(messages.call, to: state.a, slot: slot)
                    send(messages.call, to: state.b, slot: slot)
                }
            } else if type == messages.response.type {
                state.choices += 1
                slots[slot] = state
                if state.choices == 2 {
                    send(messages.gameOver, to: state.a, slot: slot)
                    send(messages.gameOver, to: state.b, slot: slot)
                    send(messages.report, to: [], slot: slot)
                }
            } else if type == messages.ack.type {
                recorder.record(nanoseconds: MonotonicClock.now() &- state.start)
                start(slot)
            }
        }
    }
}
