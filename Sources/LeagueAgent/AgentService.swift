import LeagueProtocol
import Logging
import ZeroMQ

/// An agent on an event loop: one DEALER connected to the manager, driving an ``AgentCore``.
///
/// The DEALER is created on the loop's thread and replaced there when the core asks for a reconnect; the
/// loop then polls the new one (see ``socketGeneration``). A drain asked for through ``AgentControl`` runs
/// the core's shutdown, waits up to `drainTimeout` for it to finish, then says goodbye.
public final class AgentService<Core: AgentCore>: LoopService {
    /// Holds the current socket so the core's transport always sends on the live one.
    private final class SocketBox {
        var socket: Socket
        init(_ socket: Socket) { self.socket = socket }
    }

    private let box: SocketBox
    private var core: Core?
    private let control: AgentControl
    private let logger: Logger
    private var drainDeadline: UInt64?
    private let drainTimeout: UInt64
    public private(set) var socketGeneration = 0

    /// Connects to `endpoint` and starts the core made by `makeCore` with a transport over this socket.
    public init(
        context: Context, endpoint: String, label: String, logger: Logger, control: AgentControl = AgentControl(),
        drainTimeoutMilliseconds: Int = 3_000, makeCore: (AgentTransport) -> Core
    ) throws {
        let routingID = AgentSocket.makeRoutingID(label)
        let box = SocketBox(try AgentSocket.connect(context, to: endpoint, routingID: routingID))
        self.box = box
        self.control = control
        self.logger = logger
        self.drainTimeout = MonotonicClock.nanoseconds(milliseconds: drainTimeoutMilliseconds)
        var replaced = 0
        let transport = AgentTransport(
            send: { message in
                do {
                    try box.socket.send(message.frames)
                    return true
                } catch {
                    logger.warning("send failed", metadata: ["error": "\(error)", "type": "\(message.type.rawValue)"])
                    return false
                }
            },
            reconnect: { [weak self] in
                do {
                    let fresh = try AgentSocket.connect(context, to: endpoint, routingID: routingID)
                    box.socket.close()
                    box.socket = fresh
                    replaced += 1
                    self?.socketGeneration = replaced
                } catch {
                    logger.error("reconnect failed", metadata: ["error": "\(error)"])
                }
            })
        let core = makeCore(transport)
        self.core = core
        core.start(now: MonotonicClock.now())
    }

    public var sockets: [Socket] { [box.socket] }

    public func readable(socket index: Int, now: UInt64) {
        guard let core else { return }
        for _ in 0..<256 {
            do {
                guard let frames = try box.socket.receive() else { break }
                core.receive(frames, now: now)
            } catch {
                logger.error("receive failed", metadata: ["error": "\(error)"])
                break
            }
        }
        finishDrainIfDone(now)
    }

    public var nextDeadline: UInt64? {
        guard let next = core?.nextDeadline else { return drainDeadline }
        return min(next, drainDeadline ?? .max)
    }

    public func fireTimers(now: UInt64) {
        core?.fireTimers(now: now)
        finishDrainIfDone(now)
    }

    public func woken(now: UInt64) {
        guard drainDeadline == nil, control.drainRequested.load(ordering: .acquiring), let core else { return }
        drainDeadline = now + drainTimeout
        core.beginShutdown(now: now)
        finishDrainIfDone(now)
    }

    private func finishDrainIfDone(_ now: UInt64) {
        guard let deadline = drainDeadline, let core, core.isDrained || now >= deadline else { return }
        if !core.isDrained { logger.warning("shutting down with work unfinished") }
        core.leave(now: now)
        self.core = nil
        drainDeadline = nil
        control.drained.complete(())
    }

    public func shutdown() { box.socket.close() }
}
