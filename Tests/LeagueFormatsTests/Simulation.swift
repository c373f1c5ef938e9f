import LeagueFormats
import LeagueProtocol
import Testing

/// Drives a format to the end through the protocol, as the league engine does: ask for rounds, play every
/// match they hold, ask again with everything played so far, until the answer is empty.
enum Simulation {
    /// Decides a match: given the pairing and the league's generator, how it ended.
    typealias Decide = @Sendable (Pairing, inout SeededGenerator) -> MatchDecision

    /// Each of the four endings with equal odds.
    static let random: Decide = { _, generator in
        [MatchDecision.aWins, .bWins, .draw, .bothLost][Int(generator.next() % 4)]
    }

    /// The entrant with the lower index wins every match.
    static let favouritesWin: Decide = { pairing, _ in pairing.a < pairing.b ? .aWins : .bWins }

    /// Every match ends the same way.
    static func always(_ decision: MatchDecision) -> Decide { { _, _ in decision } }

    /// Every round played, in order. Records an issue (and stops) if the format keeps scheduling past its
    /// announced total.
    static func run(
        _ format: any TournamentFormat, entrants: Int, seed: UInt64 = 1, decide: Decide = random,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> [PlayedRound] {
        var generator = SeededGenerator(seed: SeededGenerator.derive(seed, "\(format.kind.rawValue)/\(entrants)"))
        var played: [PlayedRound] = []
        let limit = format.totalRounds(entrants: entrants)
        while true {
            let next = format.nextRounds(entrants: entrants, played: played)
            if next.isEmpty { return played }
            for round in next {
                let matches = round.pairings.map { PlayedMatch(pairing: $0, decision: decide($0, &generator)) }
                played.append(PlayedRound(round: round, matches: matches))
            }
            if played.count > limit {
                Issue.record(
                    "\(format.kind.rawValue) with \(entrants) entrants scheduled past its \(limit) rounds", sourceLocation: sourceLocation)
                return played
            }
        }
    }

    /// The formats worth driving for `entrants`: each kind, gauntlets with different runners and Swiss
    /// leagues of several lengths up to the longest allowed.
    static func formats(entrants: Int) throws -> [any TournamentFormat] {
        var formats: [any TournamentFormat] = []
        for kind in [LeagueFormat.roundRobin, .doubleRoundRobin, .knockout] {
            formats.append(try Formats.make(kind, options: FormatOptions(), entrants: entrants))
        }
        for runner in Set([0, entrants / 2, entrants - 1]).sorted() {
            formats.append(try Formats.make(.gauntlet, options: FormatOptions(gauntletRunner: runner), entrants: entrants))
        }
        for rounds in swissRoundCounts(entrants: entrants) {
            formats.append(try Formats.make(.swiss, options: FormatOptions(rounds: rounds), entrants: entrants))
        }
        return formats
    }

    /// Swiss lengths to try: 1, 2, 3, ⌈log₂ N⌉ and the maximum, where allowed.
    static func swissRoundCounts(entrants: Int) -> [Int] {
        let maximum = SwissFormat.maximumRounds(entrants: entrants)
        let log2 = KnockoutFormat.bracketSize(entrants: entrants).trailingZeroBitCount
        return Set([1, 2, 3, log2, maximum]).filter { (1...maximum).contains($0) }.sorted()
    }

    /// A short name for messages.
    static func name(_ format: any TournamentFormat) -> String {
        switch format {
        case let swiss as SwissFormat: "swiss(\(swiss.rounds))"
        case let gauntlet as GauntletFormat: "gauntlet(\(gauntlet.runner))"
        default: format.kind.rawValue
        }
    }
}

extension Pairing {
    /// The pair regardless of seats.
    var players: Set<Int> { [a, b] }
}
