import LeagueProtocol

/// An agent's view of its link to the manager, in the manner of the ZeroMQ guide's Paranoid Pirate worker:
/// when to send a heartbeat, when the manager counts as lost, and when to reconnect, with exponential
/// backoff and jitter.
///
/// A value type, driven by its agent's core with monotonic times; it does no I/O itself.
public struct ManagerLink {
    /// Heartbeat and backoff settings. Defaults: a heartbeat every 1 s, the manager lost after 3 silent
    /// intervals, reconnects after 1 s doubling to 32 s.
    public struct Policy: Sendable, Hashable {
        public var heartbeatMilliseconds: Int
        public var liveness: Int
        public var backoffInitialMilliseconds: Int
        public var backoffMaxMilliseconds: Int
        /// How long a registration may go unanswered before the link counts as lost. Longer than the
        /// liveness window: a manager answering thousands of registrations at once is busy, not gone.
        public var registrationTimeoutMilliseconds: Int

        public init(
            heartbeatMilliseconds: Int = 1_000, liveness: Int = 3, backoffInitialMilliseconds: Int = 1_000,
            backoffMaxMilliseconds: Int = 32_000,
            registrationTimeoutMilliseconds: Int = 10_000
        ) {
            self.heartbeatMilliseconds = heartbeatMilliseconds
            self.liveness = liveness
            self.backoffInitialMilliseconds = backoffInitialMilliseconds
            self.backoffMaxMilliseconds = backoffMaxMilliseconds
            self.registrationTimeoutMilliseconds = registrationTimeoutMilliseconds
        }

        var heartbeat: UInt64 { UInt64(max(1, heartbeatMilliseconds)) * 1_000_000 }
        var deadAfter: UInt64 { heartbeat * UInt64(max(1, liveness)) }
        var registrationTimeout: UInt64 { UInt64(max(1, registrationTimeoutMilliseconds)) * 1_000_000 }
    }

    public enum State: Equatable, Sendable {
        /// A registration is out, sent at `since`.
        case registering(since: UInt64)
        case registered
        /// Lost; reconnect at `until`.
        case waiting(until: UInt64)
    }

    /// What the agent should do now.
    public enum Action: Equatable, Sendable {
        case none
        case sendHeartbeat
        /// The manager went silent (or never answered): drop work that cannot finish; a reconnect follows.
        case lost
        /// Replace the socket and register again.
        case reconnect
    }

    public let policy: Policy
    public private(set) var state: State
    private var lastHeard: UInt64
    private var lastSent: UInt64
    private var failures = 0
    /// How often heartbeats go out: the policy's interval, or the manager's when that is shorter.
    public private(set) var heartbeatInterval: UInt64
    private var jitter: SeededGenerator
    /// Reconnects made so far.
    public private(set) var reconnects = 0

    /// A link whose first registration goes out at `now`; `seed` drives the backoff jitter.
    public init(policy: Policy = Policy(), now: UInt64, seed: UInt64) {
        self.policy = policy
        state = .registering(since: now)
        lastHeard = now
        lastSent = now
        jitter = SeededGenerator(seed: seed)
        heartbeatInterval = policy.heartbeat
    }

    /// The manager announced its heartbeat interval: beat at least that often, or it would count us dead
    /// between two of our heartbeats.
    public mutating func adopt(managerIntervalMilliseconds milliseconds: Int) {
        guard milliseconds > 0 else { return }
        heartbeatInterval = min(policy.heartbeat, UInt64(milliseconds) * 1_000_000)
    }

    /// Anything arrived from the manager.
    public mutating func heard(_ now: UInt64) { lastHeard = now }

    /// Anything went to the manager.
    public mutating func sent(_ now: UInt64) { lastSent = now }

    /// The manager accepted the registration.
    public mutating func registered(_ now: UInt64) {
        state = .registered
        failures = 0
        lastHeard = now
    }

    /// The manager no longer knows us (E005/E012) or we are sending a registration again: wait for its answer.
    public mutating func registering(_ now: UInt64) {
        state = .registering(since: now)
        lastHeard = now
    }

    public var isRegistered: Bool { state == .registered }

    /// When ``poll(_:)`` next has something to do.
    public var nextDeadline: UInt64 {
        switch state {
        case .registered: min(lastSent + heartbeatInterval, lastHeard + policy.deadAfter + 1)
        case .registering(let since): since + policy.registrationTimeout
        case .waiting(let until): until
        }
    }

    /// Advances the link to `now` and says what to do.
    public mutating func poll(_ now: UInt64) -> Action {
        switch state {
        case .registered:
            if now &- lastHeard > policy.deadAfter { return lose(now) }
            return now &- lastSent >= heartbeatInterval ? .sendHeartbeat : .none
        case .registering(let since):
            return now &- since >= policy.registrationTimeout ? lose(now) : .none
        case .waiting(let until):
            guard now >= until else { return .none }
            reconnects += 1
            state = .registering(since: now)
            lastHeard = now
            return .reconnect
        }
    }

    private mutating func lose(_ now: UInt64) -> Action {
        state = .waiting(until: now + backoff())
        failures += 1
        return .lost
    }

    /// The next reconnect delay: initial × 2^failures, capped, with "equal jitter" (half fixed, half random).
    private mutating func backoff() -> UInt64 {
        let initial = UInt64(max(1, policy.backoffInitialMilliseconds))
        let capped = min(UInt64(max(1, policy.backoffMaxMilliseconds)), initial << UInt64(min(failures, 20)))
        let half = capped / 2
        let random = half == 0 ? 0 : UInt64.random(in: 0...half, using: &jitter)
        return (half + random) * 1_000_000
    }
}
