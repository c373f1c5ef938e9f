import LeagueAgent
import LeaguePlayer
import Logging
import ZeroMQ

/// A player for the idle measurement: the real ``PlayerCore`` on the usual DEALER, which also tells the
/// bench once the manager has accepted its registration.
final class IdlePlayerService: LoopService {
    let sockets: [Socket]
    private let dealer: Socket
    private let core: PlayerCore
    private let registered: RegistrationCount
    private var counted = false

    init(context: Context, managerEndpoint: String, configuration: PlayerConfiguration, registered: RegistrationCount, logger: Logger)
        throws
    {
        let dealer = try AgentSocket.connect(context, to: managerEndpoint)
        self.dealer = dealer
        self.sockets = [dealer]
        self.registered = registered
        self.core = PlayerCore(configuration: configuration, logger: logger) { message in
            (try? dealer.send(message.frames)) != nil
        }
        core.start(now: MonotonicClock.now())
    }

    func readable(socket index: Int, now: UInt64) {
        while let frames = try? dealer.receive() { core.receive(frames, now: now) }
        if !counted, core.playerID != nil {
            counted = true
            registered.add()
        }
    }

    var nextDeadline: UInt64? { core.nextDeadline }
    func fireTimers(now: UInt64) { core.fireTimers(now: now) }
}
