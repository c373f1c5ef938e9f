import Synchronization

/// Fans events out to any number of async subscribers. Publishing never blocks: each subscriber has a
/// bounded buffer that keeps the newest events.
public final class EventHub<Event: Sendable>: Sendable {
    private struct State {
        var subscribers: [Int: AsyncStream<Event>.Continuation] = [:]
        var next = 0
    }
    private let state = Mutex(State())
    private let bufferSize: Int

    public init(bufferSize: Int = 1_000) { self.bufferSize = bufferSize }

    /// Sends `event` to every current subscriber.
    public func publish(_ event: Event) {
        let subscribers = state.withLock { Array($0.subscribers.values) }
        for subscriber in subscribers { subscriber.yield(event) }
    }

    /// A stream of the events published from now on; it ends when the consumer stops iterating.
    public func subscribe() -> AsyncStream<Event> {
        let (stream, continuation) = AsyncStream<Event>.makeStream(bufferingPolicy: .bufferingNewest(bufferSize))
        let id = state.withLock { state in
            state.next += 1
            state.subscribers[state.next] = continuation
            return state.next
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    /// How many subscribers are listening.
    public var subscriberCount: Int { state.withLock { $0.subscribers.count } }
}
