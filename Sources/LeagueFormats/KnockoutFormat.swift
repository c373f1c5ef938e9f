import LeagueProtocol

/// Single elimination, seeded: the loser of each match is out and the last entrant standing is champion.
///
/// The bracket has P slots, P the smallest power of two ≥ N, filled in the standard seeding order (seed 1
/// meets seed P, seed 2 seed P − 1, …, recursively, so seeds 1 and 2 can meet only in the final, seeds
/// 1–4 only from the semi-finals on). The P − N slots beyond the last seed are empty, so the top P − N
/// seeds get a first-round bye: they are absent from round 1 (``Round/bye`` is never set: it names the one
/// bye of a Swiss round, and these do not score, ``byeScores`` being false) and enter round 2. Each later
/// round pairs the winners in bracket order. N − 1 matches in ⌈log₂ N⌉ rounds.
///
/// **Tie-break:** a match with no winner (a draw, or both players lost technically) is decided for the
/// higher seed: the entrant with the lower index advances. A match missing from `played` counts the same.
///
/// **Seats:** the higher seed is PLAYER_A.
///
/// **Placement** (``placement(entrants:played:)``): the round each entrant reached, counting from 1. An
/// entrant knocked out in round r places r; the champion places ⌈log₂ N⌉ + 1, the runner-up ⌈log₂ N⌉.
/// Mid-league, everyone still in places one more than the rounds played.
public struct KnockoutFormat: TournamentFormat, Hashable {
    public init() {}

    public var kind: LeagueFormat { .knockout }

    public func nextRounds(entrants: Int, played: [PlayedRound]) -> [Round] {
        let slots = KnockoutBracket(entrants: entrants, played: played).slots
        guard slots.count >= 2 else { return [] }
        var pairings: [Pairing] = []
        for index in stride(from: 0, to: slots.count, by: 2) {
            // A slot facing an empty one is a bye: that entrant plays no match this round.
            if let first = slots[index], let second = slots[index + 1] {
                pairings.append(Pairing(a: min(first, second), b: max(first, second)))
            }
        }
        return [Round(pairings: pairings)]
    }

    public func totalRounds(entrants: Int) -> Int {
        entrants < 2 ? 0 : Self.bracketSize(entrants: entrants).trailingZeroBitCount
    }

    public func totalMatches(entrants: Int) -> Int { max(0, entrants - 1) }

    public func placement(entrants: Int, played: [PlayedRound]) -> [Int]? {
        KnockoutBracket(entrants: entrants, played: played).reached
    }

    /// The bracket size for `entrants`: the smallest power of two that holds them all (1 for fewer than 2).
    public static func bracketSize(entrants: Int) -> Int {
        var size = 1
        while size < entrants { size *= 2 }
        return size
    }

    /// The seeds (entrant indices, 0 the top seed) in bracket order for a bracket of `size` slots, a power
    /// of two: slots 2j and 2j + 1 meet in the first round. For 8: 0, 7, 3, 4, 1, 6, 2, 5.
    public static func seedingOrder(size: Int) -> [Int] {
        var order = [0]
        while order.count < size {
            let next = order.count * 2
            order = order.flatMap { [$0, next - 1 - $0] }
        }
        return order
    }
}

/// A knockout replayed from its results: who is still in, in bracket order, and how far everyone got.
struct KnockoutBracket {
    /// The entrants still in, in bracket order (`nil` for an empty slot): slots 2j and 2j + 1 meet next.
    private(set) var slots: [Int?]
    /// Per entrant, the round reached: 1 + the rounds survived (won, won on the tie-break, or bye).
    private(set) var reached: [Int]

    init(entrants: Int, played: [PlayedRound]) {
        let count = max(0, entrants)
        reached = Array(repeating: 1, count: count)
        slots = KnockoutFormat.seedingOrder(size: KnockoutFormat.bracketSize(entrants: count)).map { $0 < count ? $0 : nil }
        for (roundIndex, round) in played.enumerated() where slots.count >= 2 {
            var byEntrant: [Int: PlayedMatch] = [:]
            for match in round.matches {
                byEntrant[match.pairing.a] = match
                byEntrant[match.pairing.b] = match
            }
            var next: [Int?] = []
            next.reserveCapacity(slots.count / 2)
            for index in stride(from: 0, to: slots.count, by: 2) {
                let winner: Int?
                switch (slots[index], slots[index + 1]) {
                case (let first?, let second?): winner = Self.winner(of: first, second, match: byEntrant[first])
                case (let only?, nil), (nil, let only?): winner = only
                case (nil, nil): winner = nil
                }
                if let winner { reached[winner] = roundIndex + 2 }
                next.append(winner)
            }
            slots = next
        }
    }

    /// Who of `first` and `second` advances: the winner of their match, else the higher seed.
    static func winner(of first: Int, _ second: Int, match: PlayedMatch?) -> Int {
        let higherSeed = min(first, second)
        let pairing = match?.pairing
        guard let match, pairing == Pairing(a: first, b: second) || pairing == Pairing(a: second, b: first) else {
            return higherSeed
        }
        switch match.decision {
        case .aWins: return match.pairing.a
        case .bWins: return match.pairing.b
        case .draw, .bothLost: return higherSeed
        }
    }
}
