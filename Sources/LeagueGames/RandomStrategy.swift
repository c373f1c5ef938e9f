import LeagueProtocol

/// Plays uniformly one of the legal moves, for any game.
///
/// The choice depends only on the seed and the request (league ordinal, match id, turn number), not on
/// timing or on earlier calls: the same request is answered the same way, so a replayed match is played
/// the same way.
public struct RandomMoveStrategy<G: Game>: GameStrategy, Sendable, Hashable {
    public let seed: UInt64

    public init(seed: UInt64) { self.seed = seed }

    /// One of `context.legalMoves`, uniformly; an empty move (which the rules refuse) when there is none.
    public mutating func move(_ view: G.View, context: MoveContext) -> Move {
        var generator = SeededGenerator(seed: Self.requestSeed(seed, context))
        return context.legalMoves.randomElement(using: &generator) ?? Move("")
    }

    /// The seed of one request: `seed` mixed with `"<league ordinal>|<match id>|<turn>"`.
    public static func requestSeed(_ seed: UInt64, _ context: MoveContext) -> UInt64 {
        SeededGenerator.derive(seed, "\(context.leagueOrdinal)|\(context.matchID)|\(context.turn)")
    }
}
