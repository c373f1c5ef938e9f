import LeagueGames
import LeagueProtocol

/// Even/Odd's rules in player ids, as the referee reports them: a façade over ``EvenOdd`` and ``MatchVerdict``.
public enum EvenOddRules {
    /// A decided match.
    public typealias Outcome = MatchVerdict

    /// Draws the number, 1…10 uniformly, from the match's seeded generator. Call only once both choices are in.
    public static func draw(using generator: inout SeededGenerator) -> Int {
        EvenOdd.draw(using: &generator)
    }

    /// Both players chose: equal choices draw; otherwise the player whose choice matches the number's parity wins.
    public static func decide(playerA: String, choiceA: ParityChoice, playerB: String, choiceB: ParityChoice, drawnNumber: Int) -> Outcome {
        var state = EvenOdd.State(seed: 0)
        state.choices = [.a: choiceA, .b: choiceB]
        state.drawnNumber = drawnNumber
        guard let outcome = EvenOdd().outcome(of: state) else {
            preconditionFailure("an Even/Odd state with both choices and a number is decided")
        }
        var verdict = MatchVerdict(outcome: outcome, playerA: playerA, playerB: playerB, drawnNumber: drawnNumber)
        verdict.gameScore = nil
        return verdict
    }

    /// One or both players failed to answer in time (or refused): each failing player takes a technical
    /// loss and the other, if any, wins. No number is drawn.
    public static func forfeit(playerA: String, playerB: String, failed: [String], reason: String) -> Outcome {
        MatchVerdict.forfeit(playerA: playerA, playerB: playerB, failed: failed, reason: reason)
    }

    /// Points for each player under 3/1/0 scoring.
    public static func score(_ outcome: Outcome, playerA: String, playerB: String) -> [String: Int] {
        outcome.leaguePoints(playerA: playerA, playerB: playerB)
    }
}
