import LeagueAgent
import LeagueProtocol
import Logging
import ZeroMQ

/// The loop side of a ``LeagueClient``: owns the DEALER, sends queued requests, matches answers by
/// conversation id and passes everything else on as a notice.
final class ClientService: LoopService {
    let sockets: [Socket]
    private let dealer: Socket
    private let requests: RequestQueue
    private let notices: AsyncStream<WireMessage>.Continuation
    private let codec = MessageCodec()
    private let endpoint: String
    private let logger: Logger
    private var inFlight: [String: (deadline: UInt64, type: MessageType, continuation: CheckedContinuation<WireMessage, any Error>)] = [:]

    init(context: Context, endpoint: String, requests: RequestQueue, notices: AsyncStream<WireMessage>.Continuation, logger: Logger) throws
    {
        dealer = try AgentSocket.connect(context, to: endpoint, heartbeatMilliseconds: 0)
        sockets = [dealer]
        self.requests = requests
        self.notices = notices
        self.endpoint = endpoint
        self.logger = logger
    }

    func woken(now: UInt64) {
        for request in requests.takeAll() {
            do {
                try dealer.send(request.message.frames)
                inFlight[request.conversationID] = (now + request.timeoutNanoseconds, request.message.type, request.continuation)
            } catch {
                request.continuation.resume(throwing: error)
            }
        }
    }

    func readable(socket index: Int, now: UInt64) {
        while let frames = try? dealer.receive() {
            guard let wire = try? WireMessage.parse(frames, maxBodySize: WireMessage.maxReplySize) else {
                logger.warning("unreadable message from the manager")
                continue
            }
            if let conversation = codec.envelope(of: wire.body)?.conversationID, let waiting = inFlight.removeValue(forKey: conversation) {
                waiting.continuation.resume(returning: wire)
            } else {
                notices.yield(wire)
            }
        }
    }

    var nextDeadline: UInt64? { inFlight.values.map(\.deadline).min() }

    func fireTimers(now: UInt64) {
        for (conversation, waiting) in inFlight where waiting.deadline <= now {
            inFlight[conversation] = nil
            waiting.continuation.resume(throwing: LeagueClientError.timeout(request: waiting.type, endpoint: endpoint))
        }
    }

    func shutdown() {
        for request in requests.close() { request.continuation.resume(throwing: LeagueClientError.closed) }
        for waiting in inFlight.values { waiting.continuation.resume(throwing: LeagueClientError.closed) }
        inFlight.removeAll()
        notices.finish()
        dealer.close()
    }
}
