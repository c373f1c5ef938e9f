import ZeroMQ

/// A raw socket for tests, owned by its own ``EventLoop`` so that async tests never block the concurrency
/// pool on libzmq: sends are queued to the loop, received messages land in a ``Mailbox``.
public final class TestPeer: Sendable {
    private let loop: EventLoop
    private let outbox = Mailbox<[[UInt8]]>()
    private let inbox = Mailbox<[[UInt8]]>()
    /// The endpoint the socket bound or connected to, a wildcard port resolved.
    public let endpoint: String

    /// A socket of `type` that connects to (or, with `bind: true`, binds) `endpoint`.
    public init(_ type: SocketType, endpoint: String, bind: Bool = false, routingID: [UInt8]? = nil, context: Context) async throws {
        let outbox = self.outbox
        let inbox = self.inbox
        let bound = Completion<String>()
        loop = try EventLoop(
            name: "test-peer", context: context,
            services: [
                { context in
                    let service = try PeerService(
                        context: context, type: type, endpoint: endpoint, bind: bind, routingID: routingID, outbox: outbox, inbox: inbox)
                    bound.complete(service.endpoint)
                    return service
                }
            ])
        try await loop.waitUntilStarted()
        self.endpoint = bound.value ?? endpoint
    }

    /// Queues `frames` for sending.
    public func send(_ frames: [[UInt8]]) {
        outbox.put(frames)
        loop.wake()
    }

    /// The next message received, or `nil` if none arrives within `seconds`.
    public func receive(within seconds: Double = 10) async -> [[UInt8]]? {
        await inbox.take(within: seconds)
    }

    /// Stops the loop and closes the socket.
    public func close() async {
        loop.stop()
        await loop.waitUntilStopped()
    }
}

private final class PeerService: LoopService {
    let sockets: [Socket]
    let endpoint: String
    private let socket: Socket
    private let outbox: Mailbox<[[UInt8]]>
    private let inbox: Mailbox<[[UInt8]]>

    init(
        context: Context, type: SocketType, endpoint: String, bind: Bool, routingID: [UInt8]?, outbox: Mailbox<[[UInt8]]>,
        inbox: Mailbox<[[UInt8]]>
    ) throws {
        socket = try Socket(context, type: type)
        if let routingID { try socket.set(.routingID(routingID)) }
        if type == .router { try socket.set(.routerMandatory(true)) }
        if bind { try socket.bind(endpoint) } else { try socket.connect(endpoint) }
        self.endpoint = socket.lastEndpoint
        sockets = [socket]
        self.outbox = outbox
        self.inbox = inbox
    }

    func woken(now: UInt64) {
        for frames in outbox.drain() { try? socket.send(frames) }
    }

    func readable(socket index: Int, now: UInt64) {
        while let frames = try? socket.receive() { inbox.put(frames) }
    }

    func shutdown() {
        inbox.close()
        socket.close()
    }
}
