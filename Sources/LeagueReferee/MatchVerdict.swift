import LeagueGames
import LeagueProtocol

/// How a match a referee ran ended, in player ids: what GAME_OVER and MATCH_RESULT_REPORT say.
public struct MatchVerdict: Sendable, Hashable {
    public var status: GameResultStatus
    /// The winner's id; `nil` for a draw or a double technical loss.
    public var winner: String?
    /// Even/Odd's number; `nil` for other games and for technical losses.
    public var drawnNumber: Int?
    /// The player(s) who lost technically, in seat order.
    public var technicalLosers: [String]
    public var reason: String
    /// Game points per player id (throws won, say) when the rules decided the match; `nil` otherwise.
    public var gameScore: [String: Int]?

    public init(
        status: GameResultStatus, winner: String?, drawnNumber: Int? = nil, technicalLosers: [String] = [], reason: String,
        gameScore: [String: Int]? = nil
    ) {
        self.status = status
        self.winner = winner
        self.drawnNumber = drawnNumber
        self.technicalLosers = technicalLosers
        self.reason = reason
        self.gameScore = gameScore
    }

    /// The rules decided the match: `outcome` in the ids of the players in seats A and B.
    public init(outcome: GameOutcome, playerA: String, playerB: String, drawnNumber: Int? = nil) {
        func id(_ seat: Seat) -> String { seat == .a ? playerA : playerB }
        switch outcome.result {
        case .win(let seat): self.init(status: .win, winner: id(seat), drawnNumber: drawnNumber, reason: outcome.reason)
        case .draw: self.init(status: .draw, winner: nil, drawnNumber: drawnNumber, reason: outcome.reason)
        }
        if !outcome.score.isEmpty { gameScore = Dictionary(uniqueKeysWithValues: outcome.score.map { (id($0.key), $0.value) }) }
    }

    /// One or both players failed (late, absent, declined, an illegal move): each failing player takes a
    /// technical loss and the other, if any, wins. Ids in `failed` that play neither seat are ignored.
    public static func forfeit(playerA: String, playerB: String, failed: [String], reason: String) -> MatchVerdict {
        let losers = [playerA, playerB].filter(failed.contains)
        let winner = losers.count == 1 ? (losers[0] == playerA ? playerB : playerA) : nil
        return MatchVerdict(status: .technicalLoss, winner: winner, technicalLosers: losers, reason: reason)
    }

    /// League points for each player under 3/1/0 scoring (`result.score` of the report).
    public func leaguePoints(playerA: String, playerB: String) -> [String: Int] {
        switch status {
        case .draw: [playerA: 1, playerB: 1]
        case .win, .technicalLoss: [playerA: winner == playerA ? 3 : 0, playerB: winner == playerB ? 3 : 0]
        }
    }
}
