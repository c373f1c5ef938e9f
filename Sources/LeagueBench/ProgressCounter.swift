import Synchronization

/// A counter the driver bumps and its watchdog reads.
final class ProgressCounter: Sendable {
    private let count = Atomic<Int>(0)
    private let expired = Atomic<Bool>(false)

    func bump() { count.add(1, ordering: .relaxed) }
    var value: Int { count.load(ordering: .relaxed) }
    func markTimedOut() { expired.store(true, ordering: .relaxed) }
    var timedOut: Bool { expired.load(ordering: .relaxed) }
}
