import Synchronization
import ZeroMQ

/// What the raw relay's threads share with the bench: counters, the start and the end of the run.
final class RawRelayProgress: Sendable {
    /// Matches the run plays.
    let total: Int
    /// Messages received by the relay since the start signal (hellos excluded).
    let received = Atomic<Int>(0)
    /// Matches whose report the relay acknowledged.
    let finished = Atomic<Int>(0)
    /// Monotonic time of the start signal.
    let started = Completion<UInt64>()
    /// Monotonic time of the last acknowledgement, or `nil` when the run was abandoned.
    let ended = Completion<UInt64?>()

    init(total: Int) { self.total = total }
}
