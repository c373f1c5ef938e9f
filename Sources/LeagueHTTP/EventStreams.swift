import Foundation
import Hummingbird
import LeagueProtocol
import Synchronization

/// The Server-Sent Events behind `GET /api/events`: each open stream gets the manager's live
/// ``LeagueEvent``s as `event: <type>` / `data: <json>` records, and a comment every `keepAlive` so that
/// proxies keep the connection and a vanished client is noticed. All streams end on graceful shutdown.
final class EventStreams: Sendable {
    private let hub: EventHub<LeagueEvent>
    private let keepAlive: Duration
    private let open = Mutex<[Int: AsyncStream<ByteBuffer>.Continuation]>([:])
    private let counter = Atomic<Int>(0)
    private let closed = Atomic<Bool>(false)

    init(hub: EventHub<LeagueEvent>, keepAlive: Duration = .seconds(15)) {
        self.hub = hub
        self.keepAlive = keepAlive
    }

    /// A new stream of encoded records, only of league `leagueID` (agent events always pass) when given.
    func stream(league leagueID: String?) -> AsyncStream<ByteBuffer> {
        let (stream, continuation) = AsyncStream<ByteBuffer>.makeStream(bufferingPolicy: .bufferingNewest(2_000))
        let id = counter.add(1, ordering: .relaxed).newValue
        open.withLock { $0[id] = continuation }
        if closed.load(ordering: .acquiring) {
            continuation.finish()
            return stream
        }
        // Subscribe before answering, so no event published after the response starts is missed.
        let events = hub.subscribe()
        continuation.yield(ByteBuffer(string: "retry: 2000\n: connected\n\n"))
        let forward = Task {
            var sequence = 0
            for await event in events {
                if let leagueID, let eventLeague = event.leagueID, eventLeague != leagueID { continue }
                sequence += 1
                continuation.yield(Self.record(event, id: sequence))
            }
            continuation.finish()
        }
        let keepAlive = self.keepAlive
        let ticker = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: keepAlive)
                if Task.isCancelled { break }
                continuation.yield(ByteBuffer(string: ": keep-alive\n\n"))
            }
        }
        continuation.onTermination = { [weak self] _ in
            forward.cancel()
            ticker.cancel()
            _ = self?.open.withLock { $0.removeValue(forKey: id) }
        }
        return stream
    }

    /// Ends every stream and refuses new ones (graceful shutdown).
    func closeAll() {
        closed.store(true, ordering: .releasing)
        let continuations = open.withLock { streams in
            defer { streams.removeAll() }
            return Array(streams.values)
        }
        for continuation in continuations { continuation.finish() }
    }

    /// How many streams are open.
    var count: Int { open.withLock { $0.count } }

    /// One SSE record.
    static func record(_ event: LeagueEvent, id: Int) -> ByteBuffer {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(event)).map { String(decoding: $0, as: UTF8.self) } ?? #"{"type":"\#(event.kind.rawValue)"}"#
        return ByteBuffer(string: "id: \(id)\nevent: \(event.kind.rawValue)\ndata: \(json)\n\n")
    }
}
