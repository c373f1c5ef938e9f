import LeagueProtocol

/// One entrant, the runner, against every other entrant once: N − 1 rounds of one match each, against the
/// others in seed order, so nobody is ever in two matches at once.
///
/// The runner is PLAYER_A in the first, third, fifth… round and PLAYER_B in the others. Scheduled all at
/// once; the entrants not playing a round sit out without a bye.
public struct GauntletFormat: TournamentFormat, Hashable {
    /// The runner's index in seed order. ``Formats/make(_:options:entrants:)`` checks it is an entrant;
    /// with a runner out of range nobody plays.
    public var runner: Int

    public init(runner: Int = 0) { self.runner = runner }

    public var kind: LeagueFormat { .gauntlet }

    public func nextRounds(entrants: Int, played: [PlayedRound]) -> [Round] {
        guard entrants >= 2, (0..<entrants).contains(runner) else { return [] }
        let opponents = (0..<entrants).filter { $0 != runner }
        let rounds = opponents.enumerated().map { index, opponent in
            Round(pairings: [index % 2 == 0 ? Pairing(a: runner, b: opponent) : Pairing(a: opponent, b: runner)])
        }
        return Array(rounds.dropFirst(played.count))
    }

    public func totalRounds(entrants: Int) -> Int {
        entrants >= 2 && (0..<entrants).contains(runner) ? entrants - 1 : 0
    }

    public func totalMatches(entrants: Int) -> Int { totalRounds(entrants: entrants) }
}
