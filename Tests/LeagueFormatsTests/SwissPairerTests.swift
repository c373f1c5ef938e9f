import LeagueProtocol
import Testing

@testable import LeagueFormats

/// The pairing search on its own: backtracking, and the repair that bounds its time.
@Suite("Swiss pairer")
struct SwissPairerTests {
    @Test("backtracking undoes a choice that leaves two who have met")
    func backtracks() {
        let forbidden: Set<[Int]> = [[2, 3]]
        let canMeet = { (p: Int, q: Int) in !forbidden.contains([p, q]) }
        #expect(SwissPairer.backtrack(count: 4, budget: 100, canMeet: canMeet)?.map { [$0.0, $0.1] } == [[0, 2], [1, 3]])
        #expect(SwissPairer.backtrack(count: 4, budget: 1, canMeet: canMeet) == nil)  // out of steps
        #expect(SwissPairer.backtrack(count: 2, budget: 100) { _, _ in false } == nil)  // no pairing at all
    }

    @Test("backtracking and repair both pair everyone without a rematch under Dirac's condition", arguments: [2, 4, 6, 10, 16, 32, 64])
    func perfectWithoutRematches(count: Int) {
        var generator = SeededGenerator(seed: SeededGenerator.derive(11, "pairer/\(count)"))
        for trial in 0..<20 {
            // Forbid the pairs of up to count/2 − 1 random perfect pairings: everyone may still meet ≥ count/2 others.
            var forbidden = Array(repeating: Set<Int>(), count: count)
            for _ in 0..<(count / 2 - 1) {
                let shuffled = (0..<count).shuffled(using: &generator)
                for index in stride(from: 0, to: count, by: 2) {
                    forbidden[shuffled[index]].insert(shuffled[index + 1])
                    forbidden[shuffled[index + 1]].insert(shuffled[index])
                }
            }
            let canMeet = { (p: Int, q: Int) in !forbidden[p].contains(q) }
            let searched = SwissPairer.backtrack(count: count, budget: SwissPairer.defaultBudget, canMeet: canMeet)
            for (name, pairs) in [("backtrack", searched ?? []), ("repair", SwissPairer.repair(count: count, canMeet: canMeet))] {
                let players = pairs.flatMap { [$0.0, $0.1] }
                #expect(players.sorted() == Array(0..<count), "\(name) trial \(trial): not everyone paired")
                #expect(pairs.allSatisfy { $0.0 < $0.1 && canMeet($0.0, $0.1) }, "\(name) trial \(trial): a forbidden pair")
            }
        }
    }

    @Test("repair still answers a complete pairing when no rematch-free one exists")
    func repairIsTotal() {
        let pairs = SwissPairer.repair(count: 4) { _, _ in false }
        #expect(pairs.flatMap { [$0.0, $0.1] }.sorted() == [0, 1, 2, 3])
        #expect(SwissPairer.pair(count: 6, budget: 0) { _, _ in true }.count == 3)
    }
}
