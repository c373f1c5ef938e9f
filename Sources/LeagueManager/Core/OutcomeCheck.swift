import LeagueProtocol

/// Checks that a reported result is a well-formed outcome of a two-player match, whatever the game: a WIN
/// names a winner who played, a DRAW names none, a TECHNICAL_LOSS names its losers among the players and
/// the other player (if any) as winner. The game's own rules are the referee's business.
enum OutcomeCheck {
    /// The winner, if any; throws E009-style `invalidFieldValue` when the outcome is inconsistent.
    static func validate(_ result: MatchResultReport.Result, playerA: AgentID, playerB: AgentID) throws(ProtocolError) -> AgentID? {
        let players: Set = [playerA.rawValue, playerB.rawValue]
        let details = result.details
        if let winner = result.winner, !players.contains(winner) {
            throw ProtocolError(.invalidFieldValue, "winner \(winner.prefix(20)) did not play this match")
        }
        switch details.status {
        case .win:
            guard result.winner != nil else { throw ProtocolError(.invalidFieldValue, "a WIN needs a winner") }
        case .draw:
            guard result.winner == nil else { throw ProtocolError(.invalidFieldValue, "a DRAW has no winner") }
        case .technicalLoss:
            let losers = Set(details.technicalLosers)
            guard !losers.isEmpty, losers.isSubset(of: players) else {
                throw ProtocolError(.invalidFieldValue, "a TECHNICAL_LOSS names its technical_losers")
            }
            let expected = losers.count == 1 ? players.subtracting(losers).first : nil
            guard result.winner == expected else {
                throw ProtocolError(.invalidFieldValue, "the winner of a TECHNICAL_LOSS is the player who did not fail")
            }
        }
        return result.winner.map { AgentID($0) }
    }
}
