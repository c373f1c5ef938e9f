import LeagueProtocol
import Testing

@testable import LeaguePlayer

/// The built-in strategies: fixed, seeded random, frequency counter, pattern predictor, and `StrategyKind.make`.
@Suite struct StrategyTests {
    static func context(_ opponent: String = "P02", match: Int = 1) -> ChoiceContext {
        ChoiceContext(matchID: "R\(match)M1", opponentID: opponent, roundID: match)
    }

    static func seen(_ opponent: String, _ choice: ParityChoice?) -> MatchObservation {
        MatchObservation(opponentID: opponent, opponentChoice: choice, drawnNumber: 3, won: false)
    }

    func choices(_ strategy: inout some Strategy, count: Int, opponent: String = "P02") -> [ParityChoice] {
        (0..<count).map { strategy.choose(Self.context(opponent, match: $0)) }
    }

    @Test(arguments: ParityChoice.allCases)
    func fixedAlwaysPicksItsParity(parity: ParityChoice) {
        var strategy = FixedStrategy(parity)
        for index in 0..<50 {
            strategy.observe(Self.seen("P02", index % 2 == 0 ? .even : .odd))
            #expect(strategy.choose(Self.context(match: index)) == parity)
        }
    }

    @Test func randomIsDeterministicPerSeedAndUsesBothValues() {
        var a = RandomStrategy(seed: 11)
        var b = RandomStrategy(seed: 11)
        var c = RandomStrategy(seed: 12)
        let first = choices(&a, count: 200)
        #expect(first == choices(&b, count: 200))
        #expect(first != choices(&c, count: 200))
        #expect(Set(first) == [.even, .odd])
        let evens = first.count { $0 == .even }
        #expect((60...140).contains(evens), "roughly balanced: \(evens) of 200")
    }

    @Test(arguments: [
        ([ParityChoice.even, .even, .odd], ParityChoice.odd),
        ([.odd, .odd, .even, .odd], .even),
        ([.even], .odd),
        ([.odd], .even),
    ])
    func frequencyCountersTheOpponentsMajority(history: [ParityChoice], expected: ParityChoice) {
        var strategy = FrequencyStrategy(seed: 1)
        for choice in history { strategy.observe(Self.seen("P02", choice)) }
        for match in 0..<5 { #expect(strategy.choose(Self.context("P02", match: match)) == expected) }
    }

    @Test func frequencyPrefersTheOpponentsOwnHistory() {
        var strategy = FrequencyStrategy(seed: 1)
        for _ in 0..<5 { strategy.observe(Self.seen("P03", .odd)) }
        strategy.observe(Self.seen("P02", .even))
        #expect(strategy.choose(Self.context("P02")) == .odd, "P02 chose even: counter with odd, despite the odd-heavy population")
    }

    @Test func frequencyUsesThePopulationForANewOpponent() {
        var strategy = FrequencyStrategy(seed: 1)
        strategy.observe(Self.seen("P02", .even))
        strategy.observe(Self.seen("P03", .even))
        strategy.observe(Self.seen("P04", .odd))
        #expect(strategy.choose(Self.context("P09")) == .odd, "population chose even 2:1")
    }

    @Test func frequencyIgnoresMissingChoicesAndIsSeededOnATie() {
        var a = FrequencyStrategy(seed: 5)
        var b = FrequencyStrategy(seed: 5)
        a.observe(Self.seen("P02", nil))
        a.observe(Self.seen("P02", .even))
        a.observe(Self.seen("P02", .odd))
        b.observe(Self.seen("P02", .odd))
        b.observe(Self.seen("P02", .even))
        let fromA = choices(&a, count: 100)
        #expect(fromA == choices(&b, count: 100), "a tie falls back to the seeded generator")
        #expect(Set(fromA) == [.even, .odd])
    }

    @Test(arguments: [
        ([ParityChoice.even, .odd, .even, .odd], ParityChoice.even),
        ([.odd, .even, .odd, .even, .odd], .even),
        ([.even, .even, .even], .even),
        ([.odd, .odd], .odd),
        ([.even, .odd, .odd, .even, .odd, .odd, .even, .odd], .odd),
        ([.even, .even, .odd, .even, .even, .odd, .even, .even], .odd),
    ])
    func patternPredictsRepeats(sequence: [ParityChoice], next: ParityChoice) {
        #expect(PatternStrategy.predict(sequence) == next)
    }

    @Test(arguments: [[ParityChoice](), [.even], [.even, .odd], [.odd, .even]])
    func patternHasNoPredictionWithoutARepeat(sequence: [ParityChoice]) {
        #expect(PatternStrategy.predict(sequence) == nil)
    }

    @Test(arguments: [
        ([ParityChoice.even, .odd, .even, .odd], ParityChoice.odd),
        ([.odd, .odd, .odd], .even),
        ([.even, .even, .even, .even], .odd),
    ])
    func patternPicksTheOppositeOfThePrediction(history: [ParityChoice], expected: ParityChoice) {
        var strategy = PatternStrategy(seed: 3)
        for choice in history { strategy.observe(Self.seen("P02", choice)) }
        #expect(strategy.choose(Self.context("P02")) == expected)
        #expect(strategy.choose(Self.context("P07")) == expected, "a new opponent falls back to the population")
    }

    @Test func patternIsSeededWithoutHistory() {
        var a = PatternStrategy(seed: 8)
        var b = PatternStrategy(seed: 8)
        let fromA = choices(&a, count: 64)
        #expect(fromA == choices(&b, count: 64))
        #expect(Set(fromA) == [.even, .odd])
    }

    @Test func makeBuildsEachKind() {
        #expect(StrategyKind.allCases.count == 5)
        #expect(StrategyKind.random.make(seed: 1) is RandomStrategy)
        #expect(StrategyKind.frequency.make(seed: 1) is FrequencyStrategy)
        #expect(StrategyKind.pattern.make(seed: 1) is PatternStrategy)
        #expect((StrategyKind.even.make(seed: 1) as? FixedStrategy)?.choice == .even)
        #expect((StrategyKind.odd.make(seed: 1) as? FixedStrategy)?.choice == .odd)
        #expect(StrategyKind(rawValue: "frequency") == .frequency)
        #expect(StrategyKind(rawValue: "smart") == nil)
    }

    @Test func madeRandomStrategyUsesTheSeed() {
        var made = StrategyKind.random.make(seed: 77)
        var direct = RandomStrategy(seed: 77)
        let fromMade = (0..<64).map { made.choose(Self.context(match: $0)) }
        #expect(fromMade == choices(&direct, count: 64))
    }
}
