import LeagueProtocol

/// What a strategy is told with each move request, besides the game's view.
public struct MoveContext: Sendable, Hashable {
    public var matchID: String
    public var seat: Seat
    /// The moves the rules allow now; a strategy returns one of them.
    public var legalMoves: [Move]
    /// The number of the request within the match (1 for the first): with the match id and the league
    /// ordinal it names the request in a way that does not depend on timing, so a replayed match is
    /// answered the same way.
    public var turn: Int
    /// How many leagues this player had completed when the match was played.
    public var leagueOrdinal: Int

    public init(matchID: String, seat: Seat, legalMoves: [Move], turn: Int, leagueOrdinal: Int = 0) {
        self.matchID = matchID
        self.seat = seat
        self.legalMoves = legalMoves
        self.turn = turn
        self.leagueOrdinal = leagueOrdinal
    }
}

/// How a player chooses its moves in one game. Seeded strategies give the same move for the same seed,
/// context and view.
public protocol GameStrategy<G> {
    associatedtype G: Game
    /// A move for the position in `view`; one of `context.legalMoves`.
    mutating func move(_ view: G.View, context: MoveContext) -> Move
}
