import LeagueGames
import LeagueProtocol
import LeagueReferee
import Testing

/// `GameCatalog`: lookup, options, sessions; and a referee running a game it was only handed in a catalog.
@Suite struct GameCatalogTests {
    static let catalog = GameCatalog([EvenOdd.self, TakeAway.self, TakeAway.self])

    @Test func listsItsGamesOnceInOrder() {
        #expect(Self.catalog.types == [.evenOdd, TakeAway.type])
        #expect(Self.catalog.contains(TakeAway.type))
        #expect(!Self.catalog.contains("go"))
        #expect(GameCatalog.builtIn.types.first == .evenOdd)
    }

    @Test func unknownGamesAndBadOptionsAreNamed() {
        #expect(throws: GameCatalogError.unknownGame("go")) { try Self.catalog.make("go") }
        #expect(throws: GameCatalogError.invalidOptions(TakeAway.type, InvalidGameOptions("pile must be 1…50"))) {
            try Self.catalog.make(TakeAway.type, options: ["pile": 0])
        }
        #expect(throws: GameCatalogError.self) { try Self.catalog.make(.evenOdd, options: ["best_of": 3]) }
    }

    @Test func aSessionPlaysTheGameWithItsOptions() throws {
        var session = try Self.catalog.session(for: TakeAway.type, options: ["pile": 3], seed: 1)
        #expect(session.invalidMovePolicy == .technicalLoss)
        #expect(session.turn == .one(.a))
        #expect(session.legalMoves(for: .a) == ["1", "2"])
        #expect(session.legalMoves(for: .b).isEmpty)
        #expect(throws: RefusedMove(seat: .b, reason: IllegalMove("it is not your turn"))) { try session.check("1", for: .b) }
        #expect(throws: RefusedMove.self) { try session.apply([.a: "3"]) }
        #expect(session.moves.isEmpty, "a refused move changes nothing")
        try session.apply([.a: "2"])
        #expect(session.view(for: .b) as? TakeAway.View == TakeAway.View(pile: 1, you: "PLAYER_B"))
        try session.apply([.b: "1"])
        #expect(session.turn == .over)
        #expect(session.outcome?.winner == .b)
        #expect(session.moves == [PlayedMove(seat: .a, move: "2"), PlayedMove(seat: .b, move: "1")])
    }

    @Test func aRefereeRunsAGameItOnlyKnowsFromItsCatalog() throws {
        let h = RefereeHarness(game: TakeAway.type, gameOptions: ["pile": 3], games: Self.catalog.types, catalog: Self.catalog)
        h.core.start(now: h.now)
        let request = try h.decode(RefereeRegisterRequest.self, try #require(h.drain().first))
        #expect(request.body.refereeMeta.gameTypes == ["even_odd", "take_away"])
        h.register()
        #expect(h.assign()?.accepted == true)
        h.join("P01")
        h.join("P02")
        var turn = 1
        for (player, take) in [("P01", "1"), ("P02", "1"), ("P01", "1")] {
            let requests = try h.messages(MoveRequest<TakeAway.View>.self, in: h.drain())
            #expect(requests.map(\.peer) == [player], "only the player on turn is asked")
            #expect(requests.first?.message.body.turn == turn)
            h.move(player, take, turn: turn)
            turn += 1
        }
        let report = try #require(try h.messages(MatchResultReport.self, in: h.sent).first?.message.body)
        #expect(report.gameType == "take_away")
        #expect(report.result.winner == "P01")
        #expect(report.result.details.moves?.map(\.move) == ["1", "1", "1"])
        #expect(report.result.details.gameScore == ["P01": 1, "P02": 0])
    }
}
