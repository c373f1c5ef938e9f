/// Waits until `condition` holds, checking every 10 ms, for at most `seconds`; returns whether it held.
/// A deadline on a condition, not a sleep standing in for synchronisation.
public func eventually(within seconds: Double = 10, _ condition: () async throws -> Bool) async rethrows -> Bool {
    let clock = ContinuousClock()
    let deadline = clock.now + .milliseconds(Int(seconds * 1000))
    while clock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return try await condition()
}
