import LeagueProtocol
import Synchronization

/// Requests handed from async callers to the client's event-loop thread, and the answers going back.
final class RequestQueue: Sendable {
    struct Request: Sendable {
        let conversationID: String
        let message: WireMessage
        let timeoutNanoseconds: UInt64
        let continuation: CheckedContinuation<WireMessage, any Error>
    }

    private let queue = Mutex<(requests: [Request], closed: Bool)>(([], false))

    /// Queues a request; `false` if the client is closed.
    func push(_ request: Request) -> Bool {
        queue.withLock { state in
            guard !state.closed else { return false }
            state.requests.append(request)
            return true
        }
    }

    /// Takes every queued request (on the loop thread).
    func takeAll() -> [Request] {
        queue.withLock { state in
            defer { state.requests.removeAll() }
            return state.requests
        }
    }

    /// Refuses further requests and returns the ones still queued.
    func close() -> [Request] {
        queue.withLock { state in
            state.closed = true
            defer { state.requests.removeAll() }
            return state.requests
        }
    }
}
