import LeagueAgent
import LeagueProtocol
import Logging
import ZeroMQ

/// A player on an event loop: one DEALER socket connected to the manager, driving a ``PlayerCore``.
public final class PlayerService: LoopService {
    public let sockets: [Socket]
    private let dealer: Socket
    private let core: PlayerCore
    private let logger: Logger

    /// Connects and sends the registration. Call from an ``EventLoop`` factory.
    public init(context: Context, managerEndpoint: String, configuration: PlayerConfiguration, logger: Logger) throws {
        let dealer = try AgentSocket.connect(context, to: managerEndpoint)
        self.dealer = dealer
        self.sockets = [dealer]
        self.logger = logger
        self.core = PlayerCore(configuration: configuration, logger: logger) { message in
            do {
                try dealer.send(message.frames)
                return true
            } catch {
                logger.warning("send failed", metadata: ["error": "\(error)", "type": "\(message.type.rawValue)"])
                return false
            }
        }
        core.start(now: MonotonicClock.now())
    }

    public func readable(socket index: Int, now: UInt64) {
        for _ in 0..<256 {
            do {
                guard let frames = try dealer.receive() else { return }
                core.receive(frames, now: now)
            } catch {
                logger.error("receive failed", metadata: ["error": "\(error)"])
                return
            }
        }
    }

    public var nextDeadline: UInt64? { core.nextDeadline }
    public func fireTimers(now: UInt64) { core.fireTimers(now: now) }
}
