import LeagueGames
import Testing

@Suite("Random and counter strategies")
struct RandomStrategyTests {
    @Test("the same seed and request give the same legal move; other requests spread over the legal moves")
    func sameRequestSameMove() throws {
        let game = ConnectFour()
        let state = game.start(seed: 0)
        let view = game.view(of: state, for: .a)
        let legal = game.legalMoves(in: state, for: .a)
        var seen: Set<Move> = []
        for turn in 1...200 {
            let context = MoveContext(matchID: "m-7", seat: .a, legalMoves: legal, turn: turn, leagueOrdinal: 2)
            var first = RandomMoveStrategy<ConnectFour>(seed: 42)
            var second = RandomMoveStrategy<ConnectFour>(seed: 42)
            let move = first.move(view, context: context)
            #expect(legal.contains(move))
            #expect(first.move(view, context: context) == move, "asking again")
            #expect(second.move(view, context: context) == move, "another instance")
            seen.insert(move)
        }
        #expect(seen == Set(legal), "200 requests reach every legal move")
    }

    @Test("the move depends on the seed, the match, the turn and the league ordinal")
    func requestSeed() {
        let base = MoveContext(matchID: "m", seat: .a, legalMoves: [], turn: 1, leagueOrdinal: 0)
        let seed = RandomMoveStrategy<ConnectFour>.requestSeed(1, base)
        var other = base
        other.turn = 2
        #expect(RandomMoveStrategy<ConnectFour>.requestSeed(1, other) != seed)
        other = base
        other.matchID = "n"
        #expect(RandomMoveStrategy<ConnectFour>.requestSeed(1, other) != seed)
        other = base
        other.leagueOrdinal = 1
        #expect(RandomMoveStrategy<ConnectFour>.requestSeed(1, other) != seed)
        #expect(RandomMoveStrategy<ConnectFour>.requestSeed(2, base) != seed)
    }

    @Test("it plays only the legal moves it is given, and nothing when there are none")
    func onlyLegal() throws {
        var random = RandomMoveStrategy<RockPaperScissors>(seed: 3)
        let game = try RockPaperScissors()
        let view = game.view(of: game.start(seed: 0), for: .b)
        for turn in 1...50 {
            #expect(random.move(view, context: MoveContext(matchID: "m", seat: .b, legalMoves: ["paper"], turn: turn)) == "paper")
        }
        #expect(random.move(view, context: MoveContext(matchID: "m", seat: .b, legalMoves: [], turn: 1)) == "")
    }

    @Test("the RPS counter throws what beats the opponent's most frequent throw")
    func counter() throws {
        let game = try RockPaperScissors(bestOf: 9)
        var state = game.start(seed: 0)
        for (a, b) in [("rock", "paper"), ("rock", "rock"), ("scissors", "paper")] {
            state = try game.apply([.a: Move(a), .b: Move(b)], to: state)
        }
        var counter = RockPaperScissorsCounterStrategy(seed: 5)
        let legal = game.legalMoves(in: state, for: .a)
        for turn in 1...20 {
            let context = MoveContext(matchID: "m", seat: .a, legalMoves: legal, turn: turn)
            #expect(counter.move(game.view(of: state, for: .a), context: context) == "scissors", "B threw paper most")
            #expect(counter.move(game.view(of: state, for: .b), context: context) == "paper", "A threw rock most")
        }
        let fresh = game.view(of: game.start(seed: 0), for: .a)
        let context = MoveContext(matchID: "m", seat: .a, legalMoves: legal, turn: 1)
        #expect(legal.contains(counter.move(fresh, context: context)))
        var again = RockPaperScissorsCounterStrategy(seed: 5)
        #expect(counter.move(fresh, context: context) == again.move(fresh, context: context))
    }

    @Test("the counter beats a player that always throws rock, through the Game protocol")
    func counterBeatsRock() throws {
        struct AlwaysRock: GameStrategy {
            typealias G = RockPaperScissors
            mutating func move(_ view: RockPaperScissors.View, context: MoveContext) -> Move { "rock" }
        }
        let driver = GameDriver(game: try RockPaperScissors(bestOf: 5))
        for index in 0..<20 {
            var counter = RockPaperScissorsCounterStrategy(seed: 9)
            var rock = AlwaysRock()
            let outcome = try driver.play(&counter, &rock, matchID: "rps-\(index)")
            #expect(outcome.winner == .a, "\(outcome.reason)")
        }
    }
}
