import LeagueProtocol
import Logging
import Synchronization
import ZeroMQ

/// An operator's connection to a manager, for tools and tests: start leagues, query them, follow progress.
///
/// Async callers never touch the socket: requests go through a queue to the client's own event-loop
/// thread, which owns the DEALER.
public final class LeagueClient: Sendable {
    /// Messages the manager pushed that answer no request: ROUND_COMPLETED, LEAGUE_STANDINGS_UPDATE and
    /// LEAGUE_COMPLETED of the leagues this client started.
    public let notices: AsyncStream<WireMessage>
    /// The manager's endpoint.
    public let endpoint: String
    private let loop: EventLoop
    private let requests = RequestQueue()
    private let name: String
    private let counter = Atomic<Int>(0)
    /// Sent in the token frame of START_LEAGUE when the manager requires one (`league manager --operator-token`).
    public let operatorToken: String?

    /// Connects to the manager at `endpoint`. libzmq connects in the background, so this succeeds even
    /// before a manager is listening; requests then wait for it up to their timeout.
    public init(endpoint: String, context: Context, name: String = "operator", operatorToken: String? = nil, logger: Logger) async throws {
        self.endpoint = endpoint
        self.name = name
        self.operatorToken = operatorToken
        let (stream, continuation) = AsyncStream<WireMessage>.makeStream()
        notices = stream
        let requests = self.requests
        loop = try EventLoop(
            name: "client-\(name)", context: context,
            services: [
                { context in
                    try ClientService(context: context, endpoint: endpoint, requests: requests, notices: continuation, logger: logger)
                }
            ])
        try await loop.waitUntilStarted()
    }

    /// Sends `body` and waits for the answer of type `Reply`; LEAGUE_ERROR becomes ``LeagueClientError/rejected(code:description:)``.
    public func request<Body: MessageBody, Reply: MessageBody>(
        _ body: Body, expecting reply: Reply.Type, timeout: Duration = .seconds(10)
    ) async throws -> Message<Reply> {
        let token = Body.messageType == .startLeague ? Array((operatorToken ?? "").utf8) : []
        let conversation = "conv-\(name)-\(counter.add(1, ordering: .relaxed).newValue)"
        let codec = MessageCodec()
        let bytes = codec.encode(body, sender: "operator:\(name)", conversationID: conversation)
        let nanoseconds = UInt64(timeout.components.seconds) * 1_000_000_000 + UInt64(timeout.components.attoseconds / 1_000_000_000)
        let answer = try await withCheckedThrowingContinuation { continuation in
            let request = RequestQueue.Request(
                conversationID: conversation, message: WireMessage(type: Body.messageType, token: token, body: bytes),
                timeoutNanoseconds: nanoseconds, continuation: continuation)
            if requests.push(request) {
                loop.wake()
            } else {
                continuation.resume(throwing: LeagueClientError.closed)
            }
        }
        if answer.type == .leagueError {
            let error = try? codec.decode(LeagueError.self, from: answer.body).body
            throw LeagueClientError.rejected(
                code: error?.errorCode ?? .invalidJSON, description: error?.errorDescription ?? "unreadable LEAGUE_ERROR")
        }
        guard answer.type == Reply.messageType else { throw LeagueClientError.unexpectedReply(answer.type) }
        do {
            return try codec.decode(Reply.self, from: answer.body)
        } catch {
            throw LeagueClientError.invalidReply(error)
        }
    }

    /// Closes the connection; pending requests fail with ``LeagueClientError/closed``.
    public func close() async {
        loop.stop()
        await loop.waitUntilStopped()
    }
}
