import LeagueProtocol
import ZeroMQ

/// The raw relay: a ROUTER with the manager's socket options that forwards each message to the routing id
/// in its peer frame and answers each result report with a prepared acknowledgement. Nothing is decoded,
/// checked or recorded, so it moves a match's 11 messages as fast as the transport allows.
final class RawRelayBroker: BoundService {
    let sockets: [Socket]
    private let router: Socket
    private let messages: RawMessages
    private let progress: RawRelayProgress
    private let expectedAgents: Int
    private var greeted: [[UInt8]] = []
    private var referees: [[UInt8]] = []
    private var running = false

    static let hello = Array("HELLO".utf8)
    static let go = Array("GO".utf8)
    static let refereeRole = Array("referee".utf8)

    /// Binds to `endpoint`; the run starts once `expectedAgents` agents said hello.
    init(context: Context, endpoint: String, expectedAgents: Int, messages: RawMessages, progress: RawRelayProgress) throws {
        let router = try Socket(context, type: .router)
        try router.set(.routerMandatory(true))
        try router.set(.routerHandover(true))
        try router.set(.sendHighWaterMark(10_000))
        try router.set(.receiveHighWaterMark(10_000))
        try router.set(.maxMessageSize(1 << 20))
        try router.set(.heartbeat(interval: 1_000, timeout: 3_000, ttl: 3_000))
        try router.bind(endpoint)
        self.router = router
        self.sockets = [router]
        self.messages = messages
        self.progress = progress
        self.expectedAgents = expectedAgents
    }

    /// The endpoint bound (a wildcard port resolved).
    var boundEndpoint: String { router.lastEndpoint }

    func readable(socket index: Int, now: UInt64) {
        var received = 0
        var finished = 0
        for _ in 0..<512 {
            guard let frames = try? router.receive() else { break }
            guard frames.count == 6 else { continue }
            if !running {
                greet(frames)
                continue
            }
            received += 1
            if frames[3].isEmpty {
                // A result report: acknowledge it, as the manager would after recording it.
                try? router.send(head: frames[0], [frames[1], messages.ack.type, [], frames[4], messages.ack.body])
                finished += 1
            } else {
                try? router.send(head: frames[3], [frames[1], frames[2], frames[0], frames[4], frames[5]])
            }
        }
        if received > 0 { progress.received.add(received, ordering: .relaxed) }
        if finished > 0, progress.finished.add(finished, ordering: .relaxed).newValue >= progress.total {
            progress.ended.complete(MonotonicClock.now())
        }
    }

    private func greet(_ frames: [[UInt8]]) {
        guard frames[2] == Self.hello else { return }
        greeted.append(frames[0])
        if frames[5] == Self.refereeRole { referees.append(frames[0]) }
        guard greeted.count == expectedAgents else { return }
        running = true
        progress.started.complete(MonotonicClock.now())
        for referee in referees { try? router.send(head: referee, [messages.protocolTag, Self.go, [], [], []]) }
    }
}
