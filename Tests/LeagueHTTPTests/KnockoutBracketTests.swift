import Foundation
import LeagueOperator
import LeagueProtocol
import Testing

@Suite("Knockout bracket from a report")
struct KnockoutBracketTests {
    typealias F = ReportFixtures

    @Test("seeds by name, byes are the players absent from a round, draws go to the higher seed, the last one standing is champion")
    func completedBracket() throws {
        let bracket = try #require(KnockoutBracket(F.fivePlayerKnockout))
        #expect(bracket.players.map(\.name) == ["ann", "bob", "cy", "dee", "eve"])
        #expect(bracket.players.map(\.seed) == [1, 2, 3, 4, 5])
        #expect(bracket.rounds.map(\.round) == [1, 2, 3])
        #expect(bracket.rounds.allSatisfy { $0.drawn })
        #expect(bracket.rounds.map { $0.byes.map(\.name) } == [["eve"], ["cy"], []])

        let first = bracket.rounds[0].matches
        #expect(first.map(\.advancing?.name) == ["ann", "cy"])
        #expect(first.map(\.decidedBy) == [.result, .higherSeed])
        #expect(bracket.rounds[1].matches[0].advancing?.name == "ann")
        #expect(bracket.rounds[1].matches[0].result == .technicalLoss)
        let final = bracket.rounds[2].matches[0]
        #expect(final.playerA.name == "cy" && final.playerB.name == "ann", "seats as scheduled")
        #expect(final.advancing?.name == "ann" && final.decidedBy == .higherSeed)
        #expect(bracket.champion?.name == "ann" && bracket.champion?.playerID == "P04")
    }

    @Test("a league in progress: unfinished matches have no one through, later rounds are not drawn, no champion")
    func inProgress() throws {
        let report = F.report(
            [F.finished("R1M1", "ann", "bob", winner: "bob"), F.unfinished("R1M2", "cy", "dee", status: .running)],
            standings: [F.standing(1, "bob", played: 1, wins: 1), F.standing(2, "ann"), F.standing(3, "cy"), F.standing(4, "dee")],
            roundsTotal: 2, matchesTotal: 3, status: .running)
        let bracket = try #require(KnockoutBracket(report))
        #expect(bracket.rounds.map(\.drawn) == [true, false])
        #expect(bracket.rounds[0].matches.map(\.advances) == ["P02", nil])
        #expect(bracket.rounds[0].byes.isEmpty)
        #expect(bracket.rounds[1].matches.isEmpty)
        #expect(bracket.champion == nil)
    }

    @Test("a round finished but the next not drawn yet: no champion while two are still in")
    func betweenRounds() throws {
        let report = F.report(
            [F.finished("R1M1", "ann", "bob", winner: "ann"), F.finished("R1M2", "cy", "dee", winner: "dee")],
            standings: [F.standing(1, "ann"), F.standing(2, "dee"), F.standing(3, "bob"), F.standing(4, "cy")], roundsTotal: 2,
            matchesTotal: 3, status: .running)
        let bracket = try #require(KnockoutBracket(report))
        #expect(bracket.rounds[0].matches.map(\.advancing?.name) == ["ann", "dee"])
        #expect(bracket.rounds[1].drawn == false)
        #expect(bracket.champion == nil)
    }

    @Test("when the next round has the lower seed of a drawn match, the bracket follows the schedule")
    func scheduleOverridesSeed() throws {
        let report = F.report(
            [
                F.finished("R1M1", "ann", "bob", winner: nil), F.finished("R1M2", "cy", "dee", winner: "cy"),
                F.finished("R2M1", "bob", "cy", winner: "cy"),
            ],
            standings: [F.standing(1, "cy"), F.standing(2, "bob"), F.standing(3, "ann"), F.standing(4, "dee")], roundsTotal: 2)
        let bracket = try #require(KnockoutBracket(report))
        let drawn = bracket.rounds[0].matches[0]
        #expect(drawn.advancing?.name == "bob" && drawn.decidedBy == .schedule)
        #expect(bracket.champion?.name == "cy")
    }

    @Test("both players losing technically sends the higher seed through")
    func bothLost() throws {
        let report = F.report(
            [F.finished("R1M1", "dee", "bob", winner: nil, result: .technicalLoss)],
            standings: [F.standing(1, "bob"), F.standing(2, "dee")], roundsTotal: 1)
        let bracket = try #require(KnockoutBracket(report))
        #expect(bracket.rounds[0].matches[0].advancing?.name == "bob")
        #expect(bracket.rounds[0].matches[0].decidedBy == .higherSeed)
        #expect(bracket.champion?.name == "bob")
    }

    @Test("only a knockout has a bracket; a waiting knockout has one undrawn round")
    func formats() throws {
        let standings = [F.standing(1, "ann"), F.standing(2, "bob")]
        for format: LeagueFormat? in [nil, .roundRobin, .doubleRoundRobin, .swiss, .gauntlet] {
            #expect(
                KnockoutBracket(F.report([], standings: standings, format: format, roundsTotal: 1)) == nil, "\(String(describing: format))")
        }
        let waiting = try #require(KnockoutBracket(F.report([], standings: [], roundsTotal: 0, status: .waiting)))
        #expect(waiting.players.isEmpty && waiting.rounds.map(\.drawn) == [false] && waiting.champion == nil)
    }

    @Test("a match naming a player the table lacks still shows, seeded last")
    func strangers() throws {
        let report = F.report([F.finished("R1M1", "ann", "zed", winner: nil)], standings: [F.standing(1, "ann")], roundsTotal: 1)
        let bracket = try #require(KnockoutBracket(report))
        #expect(bracket.players.map(\.name) == ["ann", "zed"])
        #expect(bracket.champion?.name == "ann")
    }

    @Test("JSON: snake_case keys, null for what is not known yet")
    func json() throws {
        let report = F.report(
            [F.finished("R1M1", "ann", "bob", winner: nil), F.unfinished("R1M2", "cy", "dee", status: .pending)],
            standings: [F.standing(1, "ann"), F.standing(2, "bob"), F.standing(3, "cy"), F.standing(4, "dee")], roundsTotal: 2,
            matchesTotal: 3, status: .running)
        let bracket = try #require(KnockoutBracket(report))
        let data = try JSONEncoder().encode(bracket)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["league_id", "status", "players", "rounds", "champion"])
        #expect(object["champion"] is NSNull)
        let rounds = try #require(object["rounds"] as? [[String: Any]])
        let matches = try #require(rounds.first?["matches"] as? [[String: Any]])
        #expect(matches[0]["decided_by"] as? String == "higher_seed" && matches[0]["advances"] as? String == "P04")
        #expect(matches[0]["result"] as? String == "DRAW" && matches[0]["winner"] is NSNull)
        #expect(matches[1]["advances"] is NSNull && matches[1]["result"] is NSNull && matches[1]["decided_by"] is NSNull)
        #expect((matches[0]["player_a"] as? [String: Any])?["seed"] as? Int == 1)
        #expect(try JSONDecoder().decode(KnockoutBracket.self, from: data) == bracket)
    }
}
