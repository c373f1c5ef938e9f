import LeagueGames
import Testing

/// Plays one match through the `Game` protocol only, as a referee would: for each seat on turn, its view
/// and legal moves go to its strategy, and the moves come back to `apply`.
struct GameDriver<G: Game> {
    let game: G

    /// The outcome of a match between `a` (PLAYER_A) and `b` (PLAYER_B).
    func play<A: GameStrategy<G>, B: GameStrategy<G>>(
        _ a: inout A, _ b: inout B, matchID: String, seed: UInt64 = 0, maxRequests: Int = 1_000
    ) throws -> GameOutcome {
        var state = game.start(seed: seed)
        var requests: [Seat: Int] = [:]
        while game.outcome(of: state) == nil {
            var moves: [Seat: Move] = [:]
            for seat in game.turn(in: state).seats {
                requests[seat, default: 0] += 1
                let number = requests[seat, default: 0]
                try #require(number <= maxRequests, "the match does not end")
                let legal = game.legalMoves(in: state, for: seat)
                let context = MoveContext(matchID: matchID, seat: seat, legalMoves: legal, turn: number)
                let view = game.view(of: state, for: seat)
                let move = seat == .a ? a.move(view, context: context) : b.move(view, context: context)
                #expect(legal.contains(move), "\(seat) played \(move), not one of \(legal)")
                moves[seat] = move
            }
            state = try game.apply(moves, to: state)
        }
        #expect(game.turn(in: state) == .over)
        return try #require(game.outcome(of: state))
    }
}
