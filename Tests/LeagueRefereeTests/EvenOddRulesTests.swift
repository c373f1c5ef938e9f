import LeagueProtocol
import LeagueReferee
import Testing

/// `EvenOddRules.decide`, `forfeit` and `score` over every combination of choices and numbers.
@Suite struct EvenOddRulesTests {
    static let a = "P01"
    static let b = "P02"

    @Test(arguments: ParityChoice.allCases, ParityChoice.allCases)
    func decideEveryCombination(choiceA: ParityChoice, choiceB: ParityChoice) {
        for number in 1...10 {
            let outcome = EvenOddRules.decide(playerA: Self.a, choiceA: choiceA, playerB: Self.b, choiceB: choiceB, drawnNumber: number)
            #expect(outcome.drawnNumber == number)
            #expect(outcome.technicalLosers.isEmpty)
            let score = EvenOddRules.score(outcome, playerA: Self.a, playerB: Self.b)
            if choiceA == choiceB {
                #expect(outcome.status == .draw, "number \(number)")
                #expect(outcome.winner == nil, "number \(number)")
                #expect(score == [Self.a: 1, Self.b: 1])
            } else {
                let parity: ParityChoice = number % 2 == 0 ? .even : .odd
                let expected = choiceA == parity ? Self.a : Self.b
                #expect(outcome.status == .win, "number \(number)")
                #expect(outcome.winner == expected, "number \(number) is \(parity), A chose \(choiceA)")
                let loser = expected == Self.a ? Self.b : Self.a
                #expect(score == [expected: 3, loser: 0])
            }
        }
    }

    @Test func parityOfNumbers() {
        #expect((1...10).map(ParityChoice.init(of:)) == [.odd, .even, .odd, .even, .odd, .even, .odd, .even, .odd, .even])
        #expect(ParityChoice.even.opposite == .odd)
        #expect(ParityChoice.odd.opposite == .even)
    }

    @Test(arguments: [(a, b), (b, a)])
    func forfeitOfOnePlayer(failing: String, other: String) {
        let outcome = EvenOddRules.forfeit(playerA: Self.a, playerB: Self.b, failed: [failing], reason: "late")
        #expect(outcome.status == .technicalLoss)
        #expect(outcome.winner == other)
        #expect(outcome.technicalLosers == [failing])
        #expect(outcome.drawnNumber == nil)
        #expect(outcome.reason == "late")
        #expect(EvenOddRules.score(outcome, playerA: Self.a, playerB: Self.b) == [other: 3, failing: 0])
    }

    @Test(arguments: [[a, b], [b, a]])
    func forfeitOfBothPlayers(failed: [String]) {
        let outcome = EvenOddRules.forfeit(playerA: Self.a, playerB: Self.b, failed: failed, reason: "silence")
        #expect(outcome.status == .technicalLoss)
        #expect(outcome.winner == nil)
        #expect(Set(outcome.technicalLosers) == [Self.a, Self.b])
        #expect(outcome.technicalLosers.count == 2)
        #expect(outcome.drawnNumber == nil)
        #expect(EvenOddRules.score(outcome, playerA: Self.a, playerB: Self.b) == [Self.a: 0, Self.b: 0])
    }

    @Test func forfeitIgnoresStrangersInFailedList() {
        let outcome = EvenOddRules.forfeit(playerA: Self.a, playerB: Self.b, failed: ["P99", Self.b], reason: "x")
        #expect(outcome.technicalLosers == [Self.b])
        #expect(outcome.winner == Self.a)
    }
}
