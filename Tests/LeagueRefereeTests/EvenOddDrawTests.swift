import LeagueProtocol
import LeagueReferee
import Testing

/// `EvenOddRules.draw`: only 1…10, uniform, and reproducible from the seed.
@Suite struct EvenOddDrawTests {
    @Test(arguments: [UInt64(1), 0xC0FFEE, UInt64.max])
    func uniformOverOneToTen(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        var counts = [Int: Int]()
        for _ in 0..<100_000 { counts[EvenOddRules.draw(using: &generator), default: 0] += 1 }
        #expect(Set(counts.keys) == Set(1...10), "only 1…10, and every one of them")
        for number in 1...10 {
            let count = counts[number, default: 0]
            #expect((9_500...10_500).contains(count), "\(number) drawn \(count) times")
        }
    }

    @Test func sameSeedSameSequence() {
        func sequence(_ seed: UInt64) -> [Int] {
            var generator = SeededGenerator(seed: seed)
            return (0..<200).map { _ in EvenOddRules.draw(using: &generator) }
        }
        #expect(sequence(2026) == sequence(2026))
        #expect(sequence(2026) != sequence(2027))
    }

    @Test func firstDrawDependsOnSeed() {
        let firsts = Set(
            (0..<100).map { seed -> Int in
                var generator = SeededGenerator(seed: SeededGenerator.derive(5, "R\(seed)M1"))
                return EvenOddRules.draw(using: &generator)
            })
        #expect(firsts.count == 10, "100 match seeds reach every number")
    }
}
