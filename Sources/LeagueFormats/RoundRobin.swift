/// Round-robin scheduling by the circle method.
///
/// The same schedule the League Manager has always played (pairings, seats and round order), so that
/// round robin leagues schedule exactly as before the formats existed.
public enum RoundRobin {
    /// The rounds for `count` players: `count - 1` rounds when `count` is even, `count` rounds when odd
    /// (each player sits out one round). Every pair meets exactly once and nobody plays twice in a round.
    /// The first player stays fixed while the others rotate; sides alternate so that each player is
    /// PLAYER_A about half the time. Fewer than two players give no rounds.
    public static func rounds(count: Int) -> [[Pairing]] {
        guard count >= 2 else { return [] }
        let slots = count % 2 == 0 ? count : count + 1  // slot `count` is the empty seat
        var circle = Array(0..<slots)
        var rounds: [[Pairing]] = []
        rounds.reserveCapacity(slots - 1)
        for round in 0..<(slots - 1) {
            var pairings: [Pairing] = []
            pairings.reserveCapacity(slots / 2)
            for index in 0..<(slots / 2) {
                let first = circle[index]
                let second = circle[slots - 1 - index]
                guard first < count, second < count else { continue }  // whoever faces the empty seat sits out
                let swap = index == 0 ? round % 2 == 1 : index % 2 == 1
                pairings.append(swap ? Pairing(a: second, b: first) : Pairing(a: first, b: second))
            }
            rounds.append(pairings)
            // Rotate every slot but the first one step clockwise.
            let last = circle.removeLast()
            circle.insert(last, at: 1)
        }
        return rounds
    }

    /// How many rounds ``rounds(count:)`` has: `count - 1` when even, `count` when odd, 0 below two.
    public static func roundCount(_ count: Int) -> Int {
        count < 2 ? 0 : (count % 2 == 0 ? count - 1 : count)
    }
}
