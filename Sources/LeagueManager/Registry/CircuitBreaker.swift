/// A per-referee circuit breaker: after `threshold` consecutive failures no work goes to the referee for
/// a cooldown; then one trial lease is allowed (half-open), and its outcome closes or reopens the breaker.
struct CircuitBreaker: Hashable {
    private(set) var failures = 0
    private(set) var openUntil: UInt64?
    private var trialInFlight = false

    /// Whether work may be sent at `now`.
    func allows(_ now: UInt64) -> Bool {
        guard let until = openUntil else { return true }
        return now >= until && !trialInFlight
    }

    /// Call when work is sent; marks the half-open trial.
    mutating func sent(_ now: UInt64) {
        if let until = openUntil, now >= until { trialInFlight = true }
    }

    mutating func succeeded() {
        failures = 0
        openUntil = nil
        trialInFlight = false
    }

    /// Records a failure; returns `true` when this opened (or reopened) the breaker.
    mutating func failed(_ now: UInt64, threshold: Int, cooldown: UInt64) -> Bool {
        failures += 1
        let reopen = trialInFlight || openUntil != nil
        trialInFlight = false
        guard reopen || failures >= threshold else { return false }
        openUntil = now + cooldown
        return true
    }
}
