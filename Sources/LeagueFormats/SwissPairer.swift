/// Pairs a ranked list of an even number of players (best first) so that no two who may not meet do.
///
/// Positions, not players: `canMeet(p, q)` says whether the players at positions `p` and `q` may meet, and
/// each answer pair is `(p, q)` with `p < q`, in the order of `p`.
enum SwissPairer {
    /// How many candidates the backtracking search may look at before the repair takes over: a few
    /// milliseconds of work, whatever the league's size.
    static let defaultBudget = 1_000_000

    /// Top-down with backtracking: the best unpaired player meets the best unpaired player they may meet;
    /// when someone is left with nobody, the latest choice moves on to the next candidate. Should that take
    /// more than `budget` candidates, a greedy pairing mended by swaps is used instead (``repair``).
    static func pair(count: Int, budget: Int = defaultBudget, canMeet: (Int, Int) -> Bool) -> [(Int, Int)] {
        backtrack(count: count, budget: budget, canMeet: canMeet) ?? repair(count: count, canMeet: canMeet)
    }

    /// The first pairing in top-down order, or `nil` if there is none or the search looked at more than
    /// `budget` candidates.
    static func backtrack(count: Int, budget: Int, canMeet: (Int, Int) -> Bool) -> [(Int, Int)]? {
        guard count % 2 == 0 else { return nil }
        var paired = Array(repeating: false, count: count)
        var chosen: [(Int, Int)] = []
        chosen.reserveCapacity(count / 2)
        var first = 0  // the next unpaired position is at or after this
        var from = 1  // the first candidate to try for it
        var looked = 0
        while true {
            while first < count && paired[first] { first += 1 }
            if first == count { return chosen }
            var candidate = max(from, first + 1)
            while candidate < count && (paired[candidate] || !canMeet(first, candidate)) { candidate += 1 }
            looked += candidate - first
            guard looked <= budget else { return nil }
            if candidate < count {
                paired[first] = true
                paired[candidate] = true
                chosen.append((first, candidate))
                first += 1
                from = 0
            } else {
                guard let last = chosen.popLast() else { return nil }  // nobody for the best player: none
                paired[last.0] = false
                paired[last.1] = false
                first = last.0
                from = last.1 + 1
            }
        }
    }

    /// A greedy top-down pairing made perfect by swaps: while two players u and v are left over, a pair
    /// (x, y) with u–x and v–y allowed is split into those two pairs.
    ///
    /// When every player may meet at least half of the others (Dirac's condition) such a pair always
    /// exists: u and v may meet ≥ `count` players between them, all already paired (the greedy pairing
    /// leaves no allowed pair unpaired, and a swap keeps it so), in fewer than `count / 2` pairs, so
    /// some pair takes three of those edges. Beyond that condition a left-over pair may have to be a
    /// forbidden one (a rematch), so that the answer is always complete.
    static func repair(count: Int, canMeet: (Int, Int) -> Bool) -> [(Int, Int)] {
        var mate = Array(repeating: -1, count: count)
        for first in 0..<count where mate[first] < 0 {
            for second in (first + 1)..<count where mate[second] < 0 && canMeet(first, second) {
                mate[first] = second
                mate[second] = first
                break
            }
        }
        while let u = mate.firstIndex(of: -1) {
            guard let v = mate[(u + 1)...].firstIndex(of: -1) else { break }  // odd count: one left over
            // Each pair is looked at both ways round, as (x, mate[x]) and (mate[x], x).
            if let x = (0..<count).first(where: { mate[$0] >= 0 && canMeet(u, $0) && canMeet(v, mate[$0]) }) {
                let y = mate[x]
                mate[u] = x
                mate[x] = u
                mate[v] = y
                mate[y] = v
            } else {
                mate[u] = v  // beyond Dirac's condition: a rematch rather than no pairing
                mate[v] = u
            }
        }
        return mate.indices.compactMap { position in mate[position] > position ? (position, mate[position]) : nil }
    }
}
