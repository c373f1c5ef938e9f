import LeagueGames
import LeagueProtocol
import Testing

/// `EvenOdd` as a `Game`: simultaneous picks, the seeded draw only once both are in, league.v2's decision.
@Suite struct EvenOddGameTests {
    let game = EvenOdd()

    @Test func describesItself() throws {
        #expect(EvenOdd.type == .evenOdd)
        #expect(game.invalidMovePolicy == .askAgain)
        let state = game.start(seed: 7)
        #expect(game.turn(in: state) == .both)
        for seat in Seat.allCases { #expect(game.legalMoves(in: state, for: seat) == ["even", "odd"]) }
        #expect(game.outcome(of: state) == nil)
        #expect(try EvenOdd(options: [:]) == game)
    }

    @Test func refusesEveryOption() {
        #expect(throws: InvalidGameOptions.self) { try EvenOdd(options: ["best_of": 3]) }
    }

    @Test(arguments: [UInt64(0), 1, 0xA5A5_0123_4567_89AB, .max])
    func drawsFromTheSeedOnlyWhenBothPicksAreIn(seed: UInt64) throws {
        let state = try game.apply([.a: "even", .b: "odd"], to: game.start(seed: seed))
        var generator = SeededGenerator(seed: seed)
        #expect(state.drawnNumber == Int.random(in: 1...10, using: &generator))
        #expect(game.turn(in: state) == .over)
        #expect(game.legalMoves(in: state, for: .a).isEmpty)
        #expect(game.view(of: state, for: .b) == EvenOdd.View(drawnNumber: state.drawnNumber))
    }

    @Test func oneMoveAloneOrAWrongMoveIsRefused() {
        let start = game.start(seed: 3)
        #expect(throws: IllegalMove.self) { try game.apply([.a: "even"], to: start) }
        #expect(throws: IllegalMove.self) { try game.apply([.a: "even", .b: "EVEN"], to: start) }
        #expect(game.view(of: start, for: .a) == EvenOdd.View(), "nothing to see before the draw")
    }

    @Test(arguments: ParityChoice.allCases, ParityChoice.allCases)
    func decidesAsLeagueV2(choiceA: ParityChoice, choiceB: ParityChoice) throws {
        for seed in UInt64(0)..<40 {
            let state = try game.apply([.a: Move(choiceA.rawValue), .b: Move(choiceB.rawValue)], to: game.start(seed: seed))
            let number = try #require(state.drawnNumber)
            let outcome = try #require(game.outcome(of: state))
            if choiceA == choiceB {
                #expect(outcome.result == .draw)
                #expect(outcome.score == [.a: 1, .b: 1])
                #expect(outcome.reason == "both chose \(choiceA.rawValue)")
            } else {
                let winner: Seat = ParityChoice(of: number) == choiceA ? .a : .b
                #expect(outcome.result == .win(winner))
                #expect(outcome.score == [winner: 3, winner.other: 0])
                #expect(outcome.reason == "\(number) is \(ParityChoice(of: number).rawValue)")
            }
        }
    }

    @Test func aSessionFromTheCatalogPlaysIt() throws {
        var session = try GameCatalog.builtIn.session(for: .evenOdd, seed: 11)
        #expect(session.gameType == .evenOdd)
        #expect(throws: RefusedMove.self) { try session.check("banana", for: .a) }
        try session.apply([.a: "odd", .b: "even"])
        #expect(session.moves == [PlayedMove(seat: .a, move: "odd"), PlayedMove(seat: .b, move: "even")])
        let typed = try #require(session as? GameSession<EvenOdd>)
        var generator = SeededGenerator(seed: 11)
        #expect(typed.state.drawnNumber == Int.random(in: 1...10, using: &generator))
        #expect(session.outcome != nil)
        #expect(session.view(for: .a) as? EvenOdd.View == typed.typedView(for: .a))
    }
}
