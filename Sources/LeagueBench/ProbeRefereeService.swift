import LeagueAgent
import LeagueProtocol
import LeagueReferee
import Logging
import ZeroMQ

/// A referee for benchmarks: the real ``RefereeCore`` on the same DEALER set-up as `RefereeService`, plus a
/// stopwatch per match. Latency is from reading MATCH_ASSIGNMENT to reading its MATCH_RESULT_ACK, both on
/// this loop's thread; the bodies are scanned for their ids, never decoded, so timing costs next to nothing.
public final class ProbeRefereeService: LoopService {
    public let sockets: [Socket]
    private let dealer: Socket
    private let core: RefereeCore
    private let ledger: Ledger
    private let logger: Logger

    /// Matches started here, by `league/match`, and what the referee has sent.
    final class Ledger {
        var started: [String: UInt64] = [:]
        var reported: Set<String> = []
        let recorder: LatencyRecorder
        init(recorder: LatencyRecorder) { self.recorder = recorder }

        /// Counts each match's first result report that names a technical loss.
        func sent(_ message: WireMessage) {
            guard message.type == .matchResultReport, let key = MatchKey.of(message.body), reported.insert(key).inserted else { return }
            if MatchKey.isTechnicalLoss(message.body) { recorder.noteTechnicalLoss() }
        }
    }

    /// Connects and sends the registration. Call from an ``EventLoop`` factory.
    public init(
        context: Context, managerEndpoint: String, configuration: RefereeConfiguration, recorder: LatencyRecorder, logger: Logger
    ) throws {
        let dealer = try AgentSocket.connect(context, to: managerEndpoint)
        let ledger = Ledger(recorder: recorder)
        self.dealer = dealer
        self.sockets = [dealer]
        self.ledger = ledger
        self.logger = logger
        self.core = RefereeCore(configuration: configuration, logger: logger) { message in
            ledger.sent(message)
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

    private static let assignment = Array(MessageType.matchAssignment.rawValue.utf8)
    private static let acknowledgement = Array(MessageType.matchResultAck.rawValue.utf8)

    public func readable(socket index: Int, now: UInt64) {
        for _ in 0..<256 {
            let frames: [[UInt8]]
            do {
                guard let received = try dealer.receive() else { return }
                frames = received
            } catch {
                logger.error("receive failed", metadata: ["error": "\(error)"])
                return
            }
            if frames.count == 5 {
                if frames[1] == Self.assignment, let key = MatchKey.of(frames[4]) {
                    ledger.started[key] = MonotonicClock.now()
                } else if frames[1] == Self.acknowledgement, let key = MatchKey.of(frames[4]),
                    let start = ledger.started.removeValue(forKey: key)
                {
                    ledger.recorder.record(nanoseconds: MonotonicClock.now() &- start)
                    ledger.reported.remove(key)
                }
            }
            core.receive(frames, now: now)
        }
    }

    public var nextDeadline: UInt64? { core.nextDeadline }
    public func fireTimers(now: UInt64) { core.fireTimers(now: now) }
}
