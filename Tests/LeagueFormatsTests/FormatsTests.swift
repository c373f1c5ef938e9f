import LeagueFormats
import LeagueProtocol
import Testing

/// The factory: the right format for good options, a clear `FormatError` for bad ones.
@Suite("Formats factory")
struct FormatsTests {
    @Test("good options make the format asked for")
    func makes() throws {
        #expect(try Formats.make(.roundRobin, options: FormatOptions(), entrants: 2) is RoundRobinFormat)
        #expect(try Formats.make(.doubleRoundRobin, options: FormatOptions(), entrants: 3) is DoubleRoundRobinFormat)
        #expect(try Formats.make(.knockout, options: FormatOptions(), entrants: 33) is KnockoutFormat)
        #expect(try Formats.make(.swiss, options: FormatOptions(rounds: 5), entrants: 10) as? SwissFormat == SwissFormat(rounds: 5))
        #expect(try Formats.make(.gauntlet, options: FormatOptions(), entrants: 4) as? GauntletFormat == GauntletFormat(runner: 0))
        #expect(
            try Formats.make(.gauntlet, options: FormatOptions(gauntletRunner: 3), entrants: 4) as? GauntletFormat
                == GauntletFormat(runner: 3))
        for kind in LeagueFormat.allCases {
            let options = FormatOptions(rounds: kind == .swiss ? 1 : nil)
            #expect(try Formats.make(kind, options: options, entrants: 2).kind == kind)
        }
    }

    @Test("fewer than two entrants", arguments: LeagueFormat.allCases)
    func tooFewEntrants(kind: LeagueFormat) {
        for entrants in [-1, 0, 1] {
            let error = #expect(throws: FormatError.self) {
                try Formats.make(kind, options: FormatOptions(rounds: kind == .swiss ? 1 : nil), entrants: entrants)
            }
            #expect(error?.detail.contains("at least 2 players") == true)
        }
    }

    @Test("swiss: rounds required and within 1…⌊N/2⌋")
    func swissRounds() {
        let missing = #expect(throws: FormatError.self) { try Formats.make(.swiss, options: FormatOptions(), entrants: 8) }
        #expect(missing?.detail == "a swiss league needs rounds: 1…4 for 8 players")
        for rounds in [-1, 0, 5] {
            let error = #expect(throws: FormatError.self) { try Formats.make(.swiss, options: FormatOptions(rounds: rounds), entrants: 9) }
            #expect(error?.detail.contains("plays 1…4 rounds") == true && error?.detail.contains("not \(rounds)") == true)
        }
    }

    @Test("rounds for a format other than swiss", arguments: LeagueFormat.allCases.filter { $0 != .swiss })
    func roundsElsewhere(kind: LeagueFormat) {
        let error = #expect(throws: FormatError.self) { try Formats.make(kind, options: FormatOptions(rounds: 3), entrants: 8) }
        #expect(error?.detail == "rounds (3) applies only to swiss leagues, not \(kind.rawValue): leave it out")
    }

    @Test("a gauntlet player for a format other than gauntlet", arguments: LeagueFormat.allCases.filter { $0 != .gauntlet })
    func runnerElsewhere(kind: LeagueFormat) {
        let options = FormatOptions(rounds: kind == .swiss ? 2 : nil, gauntletRunner: 0)
        let error = #expect(throws: FormatError.self) { try Formats.make(kind, options: options, entrants: 8) }
        #expect(error?.detail.contains("gauntlet_player applies only to gauntlet leagues") == true)
    }

    @Test("a gauntlet runner who is not an entrant", arguments: [-1, 5, 6])
    func runnerOutOfRange(runner: Int) {
        let error = #expect(throws: FormatError.self) {
            try Formats.make(.gauntlet, options: FormatOptions(gauntletRunner: runner), entrants: 5)
        }
        #expect(error?.detail == "the gauntlet player must be one of the league's 5 players (index 0…4), not \(runner)")
        #expect(error?.description == error?.detail)
    }
}
