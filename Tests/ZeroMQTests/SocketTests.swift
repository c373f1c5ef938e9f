import Foundation
import LeagueTestSupport
import Testing
import ZeroMQ

/// The socket wrapper over real libzmq sockets: framing, options, errors. Each test makes its own sockets
/// and uses them on its own thread, via `onThread`, so the concurrency pool never blocks on libzmq.
@Suite("Socket")
struct SocketTests {
    @Test(
        "ROUTER and DEALER exchange multipart messages, empty frames included",
        arguments: ["tcp://127.0.0.1:*", "ipc://@zmq-test-\(getpid())-rd", "inproc://router-dealer"])
    func routerDealerRoundTrip(endpoint: String) async throws {
        let echoed = try await onThread {
            let context = try Context()
            let router = try Socket(context, type: .router)
            try router.bind(endpoint)
            let dealer = try Socket(context, type: .dealer)
            try dealer.set(.routingID(Array("dealer-1".utf8)))
            try dealer.connect(router.lastEndpoint)
            let frames: [[UInt8]] = [Array("a".utf8), [], Array(repeating: 7, count: 70_000)]
            try dealer.send(frames, blocking: true)
            guard let received = try router.receive(blocking: true) else { return [[UInt8]]() }
            #expect(received.first == Array("dealer-1".utf8))
            #expect(Array(received.dropFirst()) == frames)
            try router.send(head: received[0], [Array("reply".utf8), []], blocking: true)
            return try dealer.receive(blocking: true) ?? []
        }
        #expect(echoed == [Array("reply".utf8), []])
    }

    @Test("a ROUTER with ROUTER_MANDATORY fails a send to an unknown peer with EHOSTUNREACH")
    func routerMandatory() async throws {
        let error = try await onThread { () -> ZMQError? in
            let context = try Context()
            let router = try Socket(context, type: .router)
            try router.set(.routerMandatory(true))
            try router.bind("inproc://mandatory")
            do {
                try router.send(head: Array("nobody".utf8), [Array("x".utf8)])
                return nil
            } catch {
                return error as? ZMQError
            }
        }
        #expect(error?.hostUnreachable == true)
        #expect(error?.operation == "zmq_send")
    }

    @Test("a non-blocking receive on an empty socket returns nil")
    func emptyReceive() async throws {
        let received = try await onThread {
            let context = try Context()
            let dealer = try Socket(context, type: .dealer)
            try dealer.bind("inproc://empty")
            return try dealer.receive()
        }
        #expect(received == nil)
    }

    @Test("binding an endpoint in use fails with a ZMQError naming the call and errno")
    func bindConflict() async throws {
        let error = try await onThread { () -> ZMQError? in
            let context = try Context()
            let first = try Socket(context, type: .router)
            try first.bind("tcp://127.0.0.1:*")
            let second = try Socket(context, type: .router)
            do {
                try second.bind(first.lastEndpoint)
                return nil
            } catch {
                return error as? ZMQError
            }
        }
        let failure = try #require(error as ZMQError?)
        #expect(failure.code == EADDRINUSE)
        #expect(failure.operation.hasPrefix("zmq_bind(tcp://127.0.0.1:"))
        #expect(failure.description.contains("errno \(EADDRINUSE)"))
    }

    @Test("closing a socket with unsent messages and terminating the context does not hang")
    func lingerZero() async throws {
        let done = Mailbox<Bool>()
        let thread = Thread {
            do {
                let context = try Context()
                let dealer = try Socket(context, type: .dealer)
                try dealer.connect("tcp://127.0.0.1:1")  // nobody listens: messages stay queued
                for _ in 0..<10 { try dealer.send([Array("queued".utf8)]) }
                dealer.close()
            } catch {
                done.put(false)
                return
            }  // the context is released here: zmq_ctx_term must return at once with LINGER=0
            done.put(true)
        }
        thread.start()
        #expect(await done.take(within: 5) == true)
    }

    @Test("a full DEALER queue makes a non-blocking send fail with EAGAIN instead of stalling")
    func fullQueue() async throws {
        let error = try await onThread { () -> ZMQError? in
            let context = try Context()
            let dealer = try Socket(context, type: .dealer)
            try dealer.set(.sendHighWaterMark(5))
            try dealer.connect("tcp://127.0.0.1:1")
            do {
                for _ in 0..<1_000 { try dealer.send([Array("x".utf8)]) }
                return nil
            } catch {
                return error as? ZMQError
            }
        }
        #expect(error?.wouldBlock == true)
    }
}

/// Runs `body` on a new thread and returns its result: libzmq calls in tests never block the Swift
/// concurrency pool.
func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            do { continuation.resume(returning: try body()) } catch { continuation.resume(throwing: error) }
        }
        thread.start()
    }
}
