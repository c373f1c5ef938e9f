import LeagueProtocol

/// A fixed number of rounds in which entrants with equal scores meet, and nobody meets anyone twice.
///
/// Scores: 3 a win, 1 a draw, 0 a loss (both players lose a match both lost technically), 3 a bye.
///
/// - **Round 1** pairs by seed, top half against bottom half: of M players, seed i meets seed i + M/2
///   (with 8: 1–5, 2–6, 3–7, 4–8), so the top seeds do not meet at once.
/// - **Later rounds** rank by score (descending), then seed, and pair top-down: the best unpaired entrant
///   meets the best unpaired entrant they have not met, backtracking when someone would be left with
///   nobody new (``SwissPairer``).
/// - **Byes** (odd N only, one a round): to the lowest-ranked entrant who has not had one; in round 1 the
///   bottom seed. At most one per entrant. A bye scores like a win (``byeScores``).
/// - **Seats:** whoever has been PLAYER_A less often (A minus B) is PLAYER_A; on a tie, whoever was PLAYER_B
///   in their latest match; failing that, the higher ranked on the first, third, … board and the lower on
///   the others (so round 1 alternates).
///
/// **Rounds:** 1…⌊N/2⌋ (``maximumRounds(entrants:)``). Up to there a pairing without rematches always
/// exists whatever happened before: with at most ⌊N/2⌋ − 1 rounds played, each of the M players to pair
/// still has at least M/2 of the others left to meet, and by Dirac's theorem that leaves a perfect pairing.
/// Beyond it the earlier rounds can leave none (with 6 entrants, after three rounds the unmet pairs may form
/// two triangles), so ``Formats/make(_:options:entrants:)`` refuses more. Should a longer Swiss be built
/// directly, a round with no rematch-free pairing pairs a rematch rather than stop. The search is bounded
/// (a few milliseconds); in the rare round it gives up (late rounds of a long league of hundreds), a greedy
/// pairing mended by swaps is used, still without rematches but not always the top-down first one.
///
/// Deterministic: the same results give the same pairings.
public struct SwissFormat: TournamentFormat, Hashable {
    /// How many rounds the league plays.
    public var rounds: Int

    public init(rounds: Int) { self.rounds = rounds }

    /// The most rounds a Swiss league of `entrants` may have: ⌊entrants / 2⌋ (0 below two entrants).
    public static func maximumRounds(entrants: Int) -> Int { entrants < 2 ? 0 : entrants / 2 }

    public var kind: LeagueFormat { .swiss }

    public var byeScores: Bool { true }

    public func nextRounds(entrants: Int, played: [PlayedRound]) -> [Round] {
        guard entrants >= 2, played.count < rounds else { return [] }
        let standings = SwissStandings(entrants: entrants, played: played)
        var ranked = played.isEmpty ? Array(0..<entrants) : standings.ranking
        var bye: Int?
        if entrants % 2 == 1, let lowest = ranked.last(where: { !standings.hadBye[$0] }) ?? ranked.last {
            ranked.removeAll { $0 == lowest }
            bye = lowest
        }
        let positions: [(Int, Int)]
        if played.isEmpty {
            let half = ranked.count / 2
            positions = (0..<half).map { ($0, $0 + half) }
        } else {
            positions = SwissPairer.pair(count: ranked.count) { !standings.haveMet(ranked[$0], ranked[$1]) }
        }
        let pairings = positions.enumerated().map { board, pair in standings.seats(ranked[pair.0], ranked[pair.1], board: board) }
        return [Round(pairings: pairings, bye: bye)]
    }

    public func totalRounds(entrants: Int) -> Int { entrants < 2 ? 0 : max(0, rounds) }

    public func totalMatches(entrants: Int) -> Int { totalRounds(entrants: entrants) * (entrants / 2) }
}
