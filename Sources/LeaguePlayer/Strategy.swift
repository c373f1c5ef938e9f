import LeagueProtocol

/// What a strategy sees when asked to choose.
public struct ChoiceContext: Sendable, Hashable {
    public var matchID: String
    public var opponentID: String
    public var roundID: Int
    public var standings: RecordSummary
    /// How many leagues this player had completed when the match was played: with the match id it names
    /// the match in a way that does not depend on the ids the manager handed out.
    public var leagueOrdinal: Int

    public init(matchID: String, opponentID: String, roundID: Int, standings: RecordSummary = .init(), leagueOrdinal: Int = 0) {
        self.matchID = matchID
        self.opponentID = opponentID
        self.roundID = roundID
        self.standings = standings
        self.leagueOrdinal = leagueOrdinal
    }
}

/// A finished match as a strategy learns it from GAME_OVER.
public struct MatchObservation: Sendable, Hashable {
    public var opponentID: String
    /// The opponent's choice, when it made one.
    public var opponentChoice: ParityChoice?
    public var drawnNumber: Int?
    public var won: Bool

    public init(opponentID: String, opponentChoice: ParityChoice?, drawnNumber: Int?, won: Bool) {
        self.opponentID = opponentID
        self.opponentChoice = opponentChoice
        self.drawnNumber = drawnNumber
        self.won = won
    }
}

/// How a player picks "even" or "odd". Seeded strategies give the same choice for the same seed, match
/// and history, so a match replayed after a failure is played the same way.
///
/// No choice beats 50 % against the draw; what a strategy can influence is whether a match is decided at
/// all: choosing what the opponent chooses is a sure draw (1 point), choosing the other parity is a coin flip
/// for 3 (1.5 expected). The adaptive strategies therefore aim for the opposite of the opponent's choice.
public protocol Strategy {
    /// Picks a parity for the match in `context`.
    mutating func choose(_ context: ChoiceContext) -> ParityChoice
    /// Learns from a finished match.
    mutating func observe(_ observation: MatchObservation)
}

extension Strategy {
    public mutating func observe(_ observation: MatchObservation) {}
}
