import LeagueGames
import LeagueProtocol

/// A test-only game the built-in catalog does not know: a pile of stones (option `pile`, default 5);
/// players take `"1"` or `"2"` in turn, PLAYER_A first; whoever takes the last stone wins. Sequential; a
/// refused move is a technical loss.
struct TakeAway: Game, Hashable {
    static let type: GameType = "take_away"

    struct State: Sendable, Hashable {
        var pile: Int
        var next: Seat = .a
        var lastTaker: Seat?
    }

    struct View: Codable, Sendable, Hashable {
        var pile: Int
        var you: String
    }

    let pile: Int

    init(options: GameOptions) throws(InvalidGameOptions) {
        if let key = options.keys.first(where: { $0 != "pile" }) { throw InvalidGameOptions("take_away has no option \(key)") }
        pile = options["pile"] ?? 5
        guard (1...50).contains(pile) else { throw InvalidGameOptions("pile must be 1…50") }
    }

    var invalidMovePolicy: InvalidMovePolicy { .technicalLoss }

    func start(seed: UInt64) -> State { State(pile: pile) }

    func turn(in state: State) -> Turn { state.pile == 0 ? .over : .one(state.next) }

    func legalMoves(in state: State, for seat: Seat) -> [Move] {
        guard state.pile > 0, seat == state.next else { return [] }
        return state.pile >= 2 ? ["1", "2"] : ["1"]
    }

    func apply(_ moves: [Seat: Move], to state: State) throws(IllegalMove) -> State {
        guard let move = moves[state.next], let count = Int(move.rawValue), (1...min(2, state.pile)).contains(count) else {
            throw IllegalMove("take 1 or 2")
        }
        return State(pile: state.pile - count, next: state.next.other, lastTaker: state.next)
    }

    func outcome(of state: State) -> GameOutcome? {
        guard state.pile == 0, let winner = state.lastTaker else { return nil }
        return GameOutcome(
            result: .win(winner), score: [winner: 1, winner.other: 0], reason: "\(winner.role.rawValue) took the last stone")
    }

    func view(of state: State, for seat: Seat) -> View { View(pile: state.pile, you: seat.role.rawValue) }
}
