import LeagueProtocol

/// Throws what beats the opponent's most frequent past throw in this match; at random (seeded, per
/// request) when there is no history yet or when several throws are the most frequent.
public struct RockPaperScissorsCounterStrategy: GameStrategy, Sendable, Hashable {
    public typealias G = RockPaperScissors

    public let seed: UInt64

    public init(seed: UInt64) { self.seed = seed }

    public mutating func move(_ view: RockPaperScissors.View, context: MoveContext) -> Move {
        var generator = SeededGenerator(seed: RandomMoveStrategy<RockPaperScissors>.requestSeed(seed, context))
        var counts: [RockPaperScissors.Throw: Int] = [:]
        for past in view.history { counts[past.opponent, default: 0] += 1 }
        let most = counts.values.max() ?? 0
        let candidates = RockPaperScissors.Throw.allCases
            .filter { most > 0 && counts[$0] == most }
            .map(\.counter.move)
            .filter(context.legalMoves.contains)
        let pool = candidates.isEmpty ? context.legalMoves : candidates
        return pool.randomElement(using: &generator) ?? Move("")
    }
}
