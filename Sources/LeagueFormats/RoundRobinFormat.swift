import LeagueProtocol

/// Everyone meets everyone once, on the circle-method schedule of ``RoundRobin``.
///
/// The whole schedule is known at the start: the first call answers every round, later calls answer the
/// rounds not yet in `played` (none once the engine has played them). With an odd count one entrant sits
/// out each round; that is not a bye (``Round/bye`` stays `nil`) and scores nothing.
public struct RoundRobinFormat: TournamentFormat, Hashable {
    public init() {}

    public var kind: LeagueFormat { .roundRobin }

    public func nextRounds(entrants: Int, played: [PlayedRound]) -> [Round] {
        RoundRobin.rounds(count: entrants).dropFirst(played.count).map { Round(pairings: $0) }
    }

    public func totalRounds(entrants: Int) -> Int { RoundRobin.roundCount(entrants) }

    public func totalMatches(entrants: Int) -> Int { entrants < 2 ? 0 : entrants * (entrants - 1) / 2 }
}

/// Everyone meets everyone twice: the ``RoundRobin`` rounds, then the same rounds again in the same order
/// with the seats swapped, so each ordered pair (who is PLAYER_A) occurs exactly once.
///
/// Scheduled all at once like ``RoundRobinFormat``; entrants sitting out (odd count) get no bye.
public struct DoubleRoundRobinFormat: TournamentFormat, Hashable {
    public init() {}

    public var kind: LeagueFormat { .doubleRoundRobin }

    public func nextRounds(entrants: Int, played: [PlayedRound]) -> [Round] {
        let first = RoundRobin.rounds(count: entrants)
        let second = first.map { round in round.map { Pairing(a: $0.b, b: $0.a) } }
        return (first + second).dropFirst(played.count).map { Round(pairings: $0) }
    }

    public func totalRounds(entrants: Int) -> Int { 2 * RoundRobin.roundCount(entrants) }

    public func totalMatches(entrants: Int) -> Int { entrants < 2 ? 0 : entrants * (entrants - 1) }
}
