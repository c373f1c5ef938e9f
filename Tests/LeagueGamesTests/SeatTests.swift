import LeagueGames
import Testing

@Suite("Seats")
struct SeatTests {
    @Test("each seat's other is the other seat, and its role is its wire name")
    func seats() {
        #expect(Seat.a.other == .b && Seat.b.other == .a)
        #expect(Seat.a.role == .playerA && Seat.b.role == .playerB)
    }
}
