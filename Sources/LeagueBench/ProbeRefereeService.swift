import LeagueAgent
import LeagueProtocol
import LeagueReferee
import Logging
import ZeroMQ

/// A referee for benchmarks: the real ``RefereeCore`` in the real ``AgentService`` (the same socket, link,
/// heartbeats and reconnects as `RefereeService`), seen through ``ProbeRefereeCore``, which times each match.
public typealias ProbeRefereeService = AgentService<ProbeRefereeCore>

extension AgentService where Core == ProbeRefereeCore {
    /// Connects and registers, as `RefereeService` does. Call from an ``EventLoop`` factory.
    public convenience init(
        context: Context, managerEndpoint: String, configuration: RefereeConfiguration, recorder: LatencyRecorder, logger: Logger
    ) throws {
        try self.init(context: context, endpoint: managerEndpoint, label: "referee-\(configuration.name)", logger: logger) { transport in
            ProbeRefereeCore(configuration: configuration, recorder: recorder, logger: logger, transport: transport)
        }
    }
}

/// Wraps a ``RefereeCore`` and times each match from reading its MATCH_ASSIGNMENT to reading its
/// MATCH_RESULT_ACK, both on the loop's thread. The bodies are scanned for their ids, never decoded, so
/// timing costs next to nothing; everything else goes to the real core unchanged.
public final class ProbeRefereeCore: AgentCore {
    private let core: RefereeCore
    private let ledger: Ledger

    /// Matches started here, by `league/match`, and the results already counted.
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

    init(configuration: RefereeConfiguration, recorder: LatencyRecorder, logger: Logger, transport: AgentTransport) {
        let ledger = Ledger(recorder: recorder)
        var observed = transport
        observed.send = { message in
            ledger.sent(message)
            return transport.send(message)
        }
        self.ledger = ledger
        // The same seed `RefereeService` derives from the name.
        core = RefereeCore(
            configuration: configuration, logger: logger, transport: observed, seed: SeededGenerator.derive(0, configuration.name))
    }

    private static let assignment = Array(MessageType.matchAssignment.rawValue.utf8)
    private static let acknowledgement = Array(MessageType.matchResultAck.rawValue.utf8)

    /// Notes the assignment or the acknowledgement, if it is one, then passes the frames to the core.
    public func receive(_ frames: [[UInt8]], now: UInt64) {
        if frames.count == 5 {
            if frames[1] == Self.assignment, let key = MatchKey.of(frames[4]) {
                if ledger.started[key] == nil { ledger.started[key] = MonotonicClock.now() }
            } else if frames[1] == Self.acknowledgement, let key = MatchKey.of(frames[4]),
                let start = ledger.started.removeValue(forKey: key)
            {
                ledger.recorder.record(nanoseconds: MonotonicClock.now() &- start)
                ledger.reported.remove(key)
            }
        }
        core.receive(frames, now: now)
    }

    // The rest of `AgentCore` goes straight to the real core.
    public func start(now: UInt64) { core.start(now: now) }
    public var nextDeadline: UInt64? { core.nextDeadline }
    public func fireTimers(now: UInt64) { core.fireTimers(now: now) }
    public func beginShutdown(now: UInt64) { core.beginShutdown(now: now) }
    public var isDrained: Bool { core.isDrained }
    public func leave(now: UInt64) { core.leave(now: now) }
}
