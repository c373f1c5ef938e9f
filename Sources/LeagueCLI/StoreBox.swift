import LeagueStore
import Synchronization

/// Hands a store, made on the main thread, to the manager's loop thread exactly once.
final class StoreBox: Sendable {
    // The store itself is not Sendable; the Mutex makes the hand-over safe, and after `take()` only the
    // loop thread ever uses it.
    private let store: Mutex<(any LeagueStore)?>

    init(_ store: sending any LeagueStore) { self.store = Mutex(store) }

    func take() -> (any LeagueStore)? {
        store.withLock { slot in
            defer { slot = nil }
            return slot.take()
        }
    }
}
