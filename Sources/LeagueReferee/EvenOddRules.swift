import LeagueProtocol

/// The rules of Even/Odd, separate from any transport so they can be checked exhaustively.
public enum EvenOddRules {
    /// A decided match.
    public struct Outcome: Sendable, Hashable {
        public var status: GameResultStatus
        public var winner: String?
        public var drawnNumber: Int?
        public var technicalLosers: [String]
        public var reason: String
    }

    /// Draws the number, 1…10 uniformly, from the match's seeded generator. Call only once both choices are in.
    public static func draw(using generator: inout SeededGenerator) -> Int {
        Int.random(in: 1...10, using: &generator)
    }

    /// Both players chose: equal choices draw; otherwise the player whose choice matches the number's parity wins.
    public static func decide(playerA: String, choiceA: ParityChoice, playerB: String, choiceB: ParityChoice, drawnNumber: Int) -> Outcome {
        let parity = ParityChoice(of: drawnNumber)
        if choiceA == choiceB {
            return Outcome(
                status: .draw, winner: nil, drawnNumber: drawnNumber, technicalLosers: [], reason: "both chose \(choiceA.rawValue)")
        }
        let winner = choiceA == parity ? playerA : playerB
        return Outcome(
            status: .win, winner: winner, drawnNumber: drawnNumber, technicalLosers: [], reason: "\(drawnNumber) is \(parity.rawValue)")
    }

    /// One or both players failed to answer in time (or refused): each failing player takes a technical
    /// loss and the other, if any, wins. No number is drawn.
    public static func forfeit(playerA: String, playerB: String, failed: [String], reason: String) -> Outcome {
        let losers = [playerA, playerB].filter(failed.contains)
        let winner = losers.count == 1 ? (losers[0] == playerA ? playerB : playerA) : nil
        return Outcome(status: .technicalLoss, winner: winner, drawnNumber: nil, technicalLosers: losers, reason: reason)
    }

    /// Points for each player under 3/1/0 scoring.
    public static func score(_ outcome: Outcome, playerA: String, playerB: String) -> [String: Int] {
        switch outcome.status {
        case .draw: return [playerA: 1, playerB: 1]
        case .win, .technicalLoss:
            return [playerA: outcome.winner == playerA ? 3 : 0, playerB: outcome.winner == playerB ? 3 : 0]
        }
    }
}
