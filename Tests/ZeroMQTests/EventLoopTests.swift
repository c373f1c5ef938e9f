import LeagueTestSupport
import Synchronization
import Testing
import ZeroMQ

/// The event loop: services on their own thread, wake-ups from other threads, timers, start failures.
@Suite("EventLoop")
struct EventLoopTests {
    /// Echoes every message back to its sender, counts wake-ups and fires a timer at a set time.
    final class EchoService: LoopService {
        let sockets: [Socket]
        let router: Socket
        let events: Mailbox<String>
        var timer: UInt64?

        init(context: Context, endpoint: String, events: Mailbox<String>, timerAfterMilliseconds: Int?) throws {
            router = try Socket(context, type: .router)
            try router.set(.routerMandatory(true))
            try router.bind(endpoint)
            sockets = [router]
            self.events = events
            timer = timerAfterMilliseconds.map { MonotonicClock.now() + MonotonicClock.nanoseconds(milliseconds: $0) }
        }

        func readable(socket index: Int, now: UInt64) {
            while let frames = try? router.receive() {
                try? router.send(frames)  // identity first, so it goes back to the sender
            }
        }

        var nextDeadline: UInt64? { timer }
        func fireTimers(now: UInt64) {
            timer = nil
            events.put("timer")
        }
        func woken(now: UInt64) { events.put("woken") }
        func shutdown() {
            events.put("shutdown")
            router.close()
        }
    }

    @Test("messages, wake-ups, timers and shutdown reach the service on its loop")
    func serviceLifecycle() async throws {
        let context = try Context()
        let events = Mailbox<String>()
        let endpoint = "inproc://echo-loop"
        let loop = try EventLoop(
            name: "echo", context: context,
            services: [
                { context in try EchoService(context: context, endpoint: endpoint, events: events, timerAfterMilliseconds: 20) }
            ])
        try await loop.waitUntilStarted()
        #expect(await events.take(within: 5) == "timer")

        let peer = try await TestPeer(.dealer, endpoint: endpoint, context: context)
        peer.send([Array("ping".utf8)])
        #expect(await peer.receive() == [Array("ping".utf8)])

        loop.wake()
        #expect(await events.take(within: 5) == "woken")

        loop.stop()
        await loop.waitUntilStopped()
        #expect(loop.isStopped)
        let last = await events.take(within: 5)
        #expect(last == "shutdown")
        await peer.close()
    }

    @Test("a factory that throws makes waitUntilStarted throw and ends the thread")
    func failingFactory() async throws {
        let context = try Context()
        let blocker = try await TestPeer(.router, endpoint: "tcp://127.0.0.1:*", bind: true, context: context)
        let endpoint = blocker.endpoint
        let loop = try EventLoop(
            name: "failing", context: context,
            services: [
                { context in try EchoService(context: context, endpoint: endpoint, events: Mailbox(), timerAfterMilliseconds: nil) }
            ])
        await #expect(throws: EventLoopError.self) { try await loop.waitUntilStarted() }
        await loop.waitUntilStopped()
        await blocker.close()
    }

    @Test("one loop serves many services, each with its own socket")
    func manyServices() async throws {
        let context = try Context()
        let count = 20
        let loop = try EventLoop(
            name: "many", context: context,
            services: (0..<count).map { index in
                { context in
                    try EchoService(context: context, endpoint: "inproc://many-\(index)", events: Mailbox(), timerAfterMilliseconds: nil)
                }
            })
        try await loop.waitUntilStarted()
        for index in 0..<count {
            let peer = try await TestPeer(.dealer, endpoint: "inproc://many-\(index)", context: context)
            peer.send([Array("n\(index)".utf8)])
            #expect(await peer.receive() == [Array("n\(index)".utf8)])
            await peer.close()
        }
        loop.stop()
        await loop.waitUntilStopped()
    }
}
