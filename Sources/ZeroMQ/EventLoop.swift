import CZeroMQ
import Foundation
import Synchronization

/// A dedicated thread that owns a set of ``LoopService``s and their sockets, and polls them.
///
/// This is how the project keeps libzmq's rule that a socket has one owning thread: services (and so their
/// sockets) are made by factories that run on this thread, used only here, and closed here when the loop
/// stops. Async code never calls libzmq; it hands work over through `Sendable` state and ``wake()``, so no
/// zmq call ever blocks the Swift concurrency pool.
public final class EventLoop: Sendable {
    /// Makes one service on the loop's thread.
    public typealias Factory = @Sendable (Context) throws -> any LoopService

    /// The loop's name, also the thread's name.
    public let name: String
    private let context: Context
    private let wakeup: Wakeup
    private let stopRequested = Atomic<Bool>(false)
    private let started = Completion<String?>()  // nil on success, else the error that stopped the start
    private let finished = Completion<Void>()

    /// Starts a thread named `name` and builds the services on it. Call ``waitUntilStarted()`` to learn
    /// whether every factory succeeded (sockets bound, say).
    public init(name: String, context: Context, services: [Factory]) throws(ZMQError) {
        self.name = name
        self.context = context
        self.wakeup = try Wakeup()
        let thread = Thread { [self] in self.run(services) }
        thread.name = name
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Waits until the services are built; throws ``EventLoopError`` when a factory failed.
    public func waitUntilStarted() async throws(EventLoopError) {
        if let failure = await started.wait() {
            throw EventLoopError(loop: name, reason: failure)
        }
    }

    /// Wakes the loop so that each service's ``LoopService/woken(now:)`` runs. Safe from any thread.
    public func wake() { wakeup.signal() }

    /// Asks the loop to stop: services get ``LoopService/shutdown()`` and the thread ends. Returns at once.
    public func stop() {
        stopRequested.store(true, ordering: .releasing)
        wakeup.signal()
    }

    /// Waits until the thread has ended.
    public func waitUntilStopped() async { await finished.wait() }

    /// Whether the thread has ended.
    public var isStopped: Bool { finished.value != nil }

    private func run(_ factories: [Factory]) {
        defer { finished.complete(()) }
        var services: [any LoopService] = []
        do {
            for factory in factories { services.append(try factory(context)) }
        } catch {
            for service in services { service.shutdown() }
            started.complete("\(error)")
            return
        }
        started.complete(nil)
        var items: [zmq_pollitem_t] = []
        var owners: [(service: Int, socket: Int)] = []
        var generations = services.map(\.socketGeneration)
        func rebuild() {
            items = [zmq_pollitem_t(socket: nil, fd: wakeup.fd, events: Int16(ZMQ_POLLIN), revents: 0)]
            owners = [(-1, -1)]
            for (index, service) in services.enumerated() {
                for (socketIndex, socket) in service.sockets.enumerated() {
                    items.append(zmq_pollitem_t(socket: socket.handle, fd: 0, events: Int16(ZMQ_POLLIN), revents: 0))
                    owners.append((index, socketIndex))
                }
            }
        }
        rebuild()
        var deadlines = services.map { $0.nextDeadline ?? .max }
        var stale = false
        /// Refreshes a service's deadline after it ran, and notes a replaced socket.
        func ran(_ index: Int) {
            deadlines[index] = services[index].nextDeadline ?? .max
            let generation = services[index].socketGeneration
            if generation != generations[index] {
                generations[index] = generation
                stale = true
            }
        }
        while !stopRequested.load(ordering: .acquiring) {
            if stale {
                rebuild()
                stale = false
            }
            let next = deadlines.min() ?? .max
            let now = MonotonicClock.now()
            let timeout: Int = next == .max ? -1 : next <= now ? 0 : Int((next - now + 999_999) / 1_000_000)
            let ready = zmq_poll(&items, Int32(items.count), timeout)
            if ready == -1 {
                if zmq_errno() == EINTR { continue }
                break  // ETERM or a broken poll set: nothing more can be served
            }
            if stopRequested.load(ordering: .acquiring) { break }
            let after = MonotonicClock.now()
            if ready > 0 {
                for position in items.indices where items[position].revents & Int16(ZMQ_POLLIN) != 0 {
                    let owner = owners[position]
                    if owner.service < 0 {
                        wakeup.drain()
                        for index in services.indices {
                            services[index].woken(now: after)
                            ran(index)
                        }
                    } else if !stale {
                        services[owner.service].readable(socket: owner.socket, now: after)
                        ran(owner.service)
                    }
                }
            }
            for index in deadlines.indices where deadlines[index] <= after {
                services[index].fireTimers(now: after)
                ran(index)
            }
        }
        for service in services { service.shutdown() }
    }
}

/// A loop could not start because one of its service factories threw.
public struct EventLoopError: Error, Sendable, CustomStringConvertible {
    /// The loop's name.
    public let loop: String
    /// What the factory threw.
    public let reason: String

    public init(loop: String, reason: String) {
        self.loop = loop
        self.reason = reason
    }

    public var description: String { "event loop \(loop) failed to start: \(reason)" }
}
