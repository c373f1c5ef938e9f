import LeagueProtocol

/// Makes the format a league asks for, after checking the league can be played that way.
public enum Formats {
    /// The format `kind` for `entrants` players with `options`, or why not.
    ///
    /// Every format needs at least 2 entrants. Swiss needs `rounds`, 1…⌊N/2⌋; no other format takes
    /// `rounds`. Gauntlet takes a runner index 0…N − 1 (0 when absent); no other format takes one.
    public static func make(_ kind: LeagueFormat, options: FormatOptions, entrants: Int) throws(FormatError) -> any TournamentFormat {
        guard entrants >= 2 else {
            throw FormatError("a \(kind.rawValue) league needs at least 2 players, it has \(entrants)")
        }
        if kind != .swiss, let rounds = options.rounds {
            throw FormatError("rounds (\(rounds)) applies only to swiss leagues, not \(kind.rawValue): leave it out")
        }
        if kind != .gauntlet, options.gauntletRunner != nil {
            throw FormatError("gauntlet_player applies only to gauntlet leagues, not \(kind.rawValue): leave it out")
        }
        switch kind {
        case .roundRobin: return RoundRobinFormat()
        case .doubleRoundRobin: return DoubleRoundRobinFormat()
        case .knockout: return KnockoutFormat()
        case .swiss:
            let maximum = SwissFormat.maximumRounds(entrants: entrants)
            guard let rounds = options.rounds else {
                throw FormatError("a swiss league needs rounds: 1…\(maximum) for \(entrants) players")
            }
            guard (1...maximum).contains(rounds) else {
                throw FormatError(
                    "a swiss league of \(entrants) players plays 1…\(maximum) rounds (at most half the players, so nobody need "
                        + "meet anyone twice), not \(rounds)")
            }
            return SwissFormat(rounds: rounds)
        case .gauntlet:
            let runner = options.gauntletRunner ?? 0
            guard (0..<entrants).contains(runner) else {
                throw FormatError(
                    "the gauntlet player must be one of the league's \(entrants) players (index 0…\(entrants - 1)), not \(runner)")
            }
            return GauntletFormat(runner: runner)
        }
    }
}
