import LeagueProtocol

/// A coin flip that depends only on the seed and the match (league ordinal and match id, not the ids the
/// manager hands out): asking again about the same match — one replayed after a failure — gives the same
/// answer, and so does a rerun of the league with the same seeds.
struct MatchCoin: Hashable {
    let seed: UInt64

    func flip(_ context: ChoiceContext) -> ParityChoice {
        var generator = SeededGenerator(seed: SeededGenerator.derive(seed, "\(context.leagueOrdinal)|\(context.matchID)"))
        return Bool.random(using: &generator) ? .even : .odd
    }
}

/// Picks uniformly at random (per match, from the seed).
public struct RandomStrategy: Strategy {
    private let coin: MatchCoin
    public init(seed: UInt64) { coin = MatchCoin(seed: seed) }
    public func choose(_ context: ChoiceContext) -> ParityChoice { coin.flip(context) }
}

/// Always picks the same parity.
public struct FixedStrategy: Strategy {
    public let choice: ParityChoice
    public init(_ choice: ParityChoice) { self.choice = choice }
    public func choose(_ context: ChoiceContext) -> ParityChoice { choice }
}

/// Remembers every choice each opponent made and what all opponents chose.
struct OpponentHistory {
    private(set) var byOpponent: [String: [ParityChoice]] = [:]
    private(set) var everyone: [ParityChoice] = []

    mutating func record(_ observation: MatchObservation) {
        guard let choice = observation.opponentChoice else { return }
        byOpponent[observation.opponentID, default: []].append(choice)
        everyone.append(choice)
    }

    /// This opponent's history, or everyone's when this opponent has none yet (a round robin meets each
    /// opponent once, so the population is often all there is to go on).
    func relevant(to opponent: String) -> [ParityChoice] {
        if let own = byOpponent[opponent], !own.isEmpty { return own }
        return everyone
    }
}

/// Counters the opponent's most frequent choice by picking the other parity; random on a tie or no history.
public struct FrequencyStrategy: Strategy {
    private let coin: MatchCoin
    private var history = OpponentHistory()
    public init(seed: UInt64) { coin = MatchCoin(seed: seed) }

    public mutating func choose(_ context: ChoiceContext) -> ParityChoice {
        let past = history.relevant(to: context.opponentID)
        let evens = past.count { $0 == .even }
        let odds = past.count - evens
        if evens == odds { return coin.flip(context) }
        return (evens > odds ? ParityChoice.even : .odd).opposite
    }

    public mutating func observe(_ observation: MatchObservation) { history.record(observation) }
}

/// Looks for a repeat: the longest recent run of choices (up to 4) seen before predicts the next choice,
/// and the strategy picks the other parity. Random when no repeat is found.
public struct PatternStrategy: Strategy {
    private let coin: MatchCoin
    private var history = OpponentHistory()
    public init(seed: UInt64) { coin = MatchCoin(seed: seed) }

    public mutating func choose(_ context: ChoiceContext) -> ParityChoice {
        if let predicted = Self.predict(history.relevant(to: context.opponentID)) { return predicted.opposite }
        return coin.flip(context)
    }

    public mutating func observe(_ observation: MatchObservation) { history.record(observation) }

    /// The choice that followed the most recent earlier occurrence of the longest matching suffix.
    static func predict(_ sequence: [ParityChoice]) -> ParityChoice? {
        guard sequence.count >= 2 else { return nil }
        for length in stride(from: min(4, sequence.count - 1), through: 1, by: -1) {
            let suffix = Array(sequence.suffix(length))
            var start = sequence.count - length - 1
            while start >= 0 {
                if Array(sequence[start..<(start + length)]) == suffix { return sequence[start + length] }
                start -= 1
            }
        }
        return nil
    }
}

/// The built-in strategies by name, as `league player --strategy` takes them.
public enum StrategyKind: String, Sendable, Hashable, CaseIterable {
    case random, even, odd, frequency, pattern

    /// A new strategy of this kind; `seed` drives any randomness.
    public func make(seed: UInt64) -> any Strategy {
        switch self {
        case .random: RandomStrategy(seed: seed)
        case .even: FixedStrategy(.even)
        case .odd: FixedStrategy(.odd)
        case .frequency: FrequencyStrategy(seed: seed)
        case .pattern: PatternStrategy(seed: seed)
        }
    }
}
