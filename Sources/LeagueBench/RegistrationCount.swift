import Synchronization
import ZeroMQ

/// Counts accepted registrations and completes once `expected` are in.
final class RegistrationCount: Sendable {
    let expected: Int
    private let count = Atomic<Int>(0)
    /// Completed with `()` when every player is registered, or `nil` when the wait is abandoned.
    let done = Completion<Void?>()

    init(expected: Int) { self.expected = expected }

    func add() {
        if count.add(1, ordering: .relaxed).newValue == expected { done.complete(()) }
    }

    var value: Int { count.load(ordering: .relaxed) }
}
