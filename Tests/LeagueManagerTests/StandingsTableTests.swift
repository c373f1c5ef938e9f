import LeagueManager
import LeagueProtocol
import Testing

/// Scoring (3/1/0, technical losses) and the documented total order of the table.
@Suite("StandingsTable")
struct StandingsTableTests {
    @Test("wins score 3, draws 1 each, losses 0; a technical loss is a win for the opponent")
    func scoring() throws {
        var table = StandingsTable(players: [("P01", "ann"), ("P02", "bob"), ("P03", "cy")])
        table.apply(a: "P01", b: "P02", status: .win, winner: "P01")
        table.apply(a: "P02", b: "P03", status: .draw, winner: nil)
        table.apply(a: "P03", b: "P01", status: .technicalLoss, winner: "P01")
        let ann = try #require(table.record(of: "P01"))
        let bob = try #require(table.record(of: "P02"))
        let cy = try #require(table.record(of: "P03"))
        #expect((ann.played, ann.wins, ann.draws, ann.losses, ann.points) == (2, 2, 0, 0, 6))
        #expect((bob.played, bob.wins, bob.draws, bob.losses, bob.points) == (2, 0, 1, 1, 1))
        #expect((cy.played, cy.wins, cy.draws, cy.losses, cy.points) == (2, 0, 1, 1, 1))
    }

    @Test("a double technical loss is a loss for both and scores nothing")
    func doubleTechnicalLoss() throws {
        var table = StandingsTable(players: [("P01", "ann"), ("P02", "bob")])
        table.apply(a: "P01", b: "P02", status: .technicalLoss, winner: nil)
        for id in ["P01", "P02"] {
            let record = try #require(table.record(of: id))
            #expect((record.played, record.losses, record.points) == (1, 1, 0))
        }
    }

    @Test("order: points, then wins, then draws, then name, then id")
    func order() {
        // zed: 6 pts (2 wins). amy: 6 pts (1 win, 3 draws). bea: 6 pts (1 win, 3 draws). cal: 3 (3 draws). dan: 3 (1 win).
        var table = StandingsTable(players: [("P1", "zed"), ("P2", "amy"), ("P3", "bea"), ("P4", "cal"), ("P5", "dan"), ("P6", "amy")])
        let x = "X"
        table.apply(a: "P1", b: x, status: .win, winner: "P1")
        table.apply(a: "P1", b: x, status: .win, winner: "P1")
        for id in ["P2", "P3", "P6"] {
            table.apply(a: id, b: x, status: .win, winner: id)
            for _ in 0..<3 { table.apply(a: id, b: x, status: .draw, winner: nil) }
        }
        for _ in 0..<3 { table.apply(a: "P4", b: x, status: .draw, winner: nil) }
        table.apply(a: "P5", b: x, status: .win, winner: "P5")
        let rows = table.rows()
        #expect(rows.map(\.playerID) == ["P1", "P2", "P6", "P3", "P5", "P4"])
        #expect(rows.map(\.rank) == Array(1...6))
    }
}
