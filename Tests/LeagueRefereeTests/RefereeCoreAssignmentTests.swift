import LeagueGames
import LeagueProtocol
import LeagueReferee
import Testing

/// `RefereeCore` declares the games it runs and declines, with a reason, assignments it cannot play.
@Suite struct RefereeCoreAssignmentTests {
    func declaredGames(_ h: RefereeHarness) throws -> [String] {
        h.core.start(now: h.now)
        return try h.decode(RefereeRegisterRequest.self, try #require(h.drain().first)).body.refereeMeta.gameTypes
    }

    @Test func declaresEveryBuiltInGameByDefault() throws {
        let h = RefereeHarness()
        #expect(try declaredGames(h) == GameCatalog.builtIn.types.map(\.rawValue))
        #expect(try declaredGames(h).first == "even_odd")
    }

    @Test func declaresOnlyConfiguredGamesItKnows() throws {
        let h = RefereeHarness(games: [.evenOdd, "go", .evenOdd])
        #expect(try declaredGames(h) == ["even_odd"])
        #expect(h.core.games == [.evenOdd])
    }

    @Test(arguments: [("go", GameOptions?.none, "unknown game"), ("even_odd", ["best_of": 3], "even_odd takes no options")])
    func anAssignmentItCannotPlayIsDeclinedWithAReason(game: String, options: GameOptions?, reason: String) throws {
        let h = RefereeHarness(game: GameType(game), gameOptions: options)
        h.register()
        let ack = try #require(h.assign())
        #expect(ack.accepted == false)
        #expect(ack.leaseID == 1)
        #expect(ack.reason?.contains(reason) == true, "\(ack.reason ?? "no reason")")
        #expect(h.sent.isEmpty, "no invitations")
        #expect(h.core.nextDeadline ?? .max > h.now + RefereeHarness.ns(milliseconds: RefereeHarness.joinMilliseconds), "no match runs")
        #expect(h.assign() == ack, "a resend is declined the same way")
    }

    @Test func aGameItDoesNotRunIsDeclined() throws {
        let h = RefereeHarness(game: "take_away", games: [.evenOdd], catalog: GameCatalog([EvenOdd.self, TakeAway.self]))
        h.register()
        let ack = try #require(h.assign())
        #expect(ack.accepted == false)
        #expect(ack.reason == "this referee does not run \"take_away\"")
    }

    @Test func shuttingDownSaysSo() throws {
        let h = RefereeHarness()
        h.register()
        h.core.beginShutdown(now: h.now)
        let ack = try #require(h.assign())
        #expect(ack == MatchAssignmentAck(leagueID: "L1", matchID: "R3M2", leaseID: 1, accepted: false, reason: "shutting down"))
    }

    @Test func aMoveResponseInAnEvenOddMatchIsRefused() throws {
        let h = RefereeHarness()
        h.startChoosing()
        h.move("P01", "even", turn: 1)
        let error = try #require(try h.messages(GameError.self, in: h.drain()).first)
        #expect(error.peer == "P01")
        #expect(error.message.body.errorCode == .unknownMessageType)
        #expect(h.core.rejectedMessages == 1)
        h.choose("P01", "even")
        h.choose("P02", "even")
        #expect(try h.messages(GameOver.self, in: h.sent).first?.message.body.gameResult.choices == ["P01": "even", "P02": "even"])
    }
}
