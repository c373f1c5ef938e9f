import LeagueProtocol

/// Round-robin scheduling by the circle method.
public enum RoundRobin {
    /// One pairing: indices into the player list, `a` plays as PLAYER_A.
    public struct Pairing: Sendable, Hashable {
        public var a: Int
        public var b: Int
    }

    /// The rounds for `count` players: `count - 1` rounds when `count` is even, `count` rounds when odd
    /// (each player sits out one round, the bye). Every pair meets exactly once and nobody plays twice in a
    /// round. The first player stays fixed while the others rotate; sides alternate so that each player is
    /// PLAYER_A about half the time.
    public static func rounds(count: Int) -> [[Pairing]] {
        guard count >= 2 else { return [] }
        let slots = count % 2 == 0 ? count : count + 1  // slot `count` is the bye
        var circle = Array(0..<slots)
        var rounds: [[Pairing]] = []
        rounds.reserveCapacity(slots - 1)
        for round in 0..<(slots - 1) {
            var pairings: [Pairing] = []
            pairings.reserveCapacity(slots / 2)
            for index in 0..<(slots / 2) {
                let first = circle[index]
                let second = circle[slots - 1 - index]
                guard first < count, second < count else { continue }  // the bye
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
}

// TEMPORARY (lead's tree only): round robin until the formats branch lands.
struct StubRoundRobinFormat: TournamentFormat {
    var kind: LeagueFormat { .roundRobin }
    func nextRounds(entrants: Int, played: [PlayedRound]) -> [Round] {
        guard played.isEmpty else { return [] }
        return RoundRobin.rounds(count: entrants).map { Round(pairings: $0.map { Pairing(a: $0.a, b: $0.b) }) }
    }
    func totalRounds(entrants: Int) -> Int { entrants % 2 == 0 ? entrants - 1 : entrants }
    func totalMatches(entrants: Int) -> Int { entrants * (entrants - 1) / 2 }
}

public enum Formats {
    public static func make(_ kind: LeagueFormat, options: FormatOptions, entrants: Int) throws(FormatError) -> any TournamentFormat {
        guard kind == .roundRobin else { throw FormatError("not yet") }
        return StubRoundRobinFormat()
    }
}
