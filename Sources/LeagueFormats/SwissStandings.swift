/// What a Swiss pairing needs to know of the rounds played: points, who has met whom, byes and seats.
///
/// Entries naming an entrant out of range are ignored.
struct SwissStandings {
    static let winPoints = 3
    static let drawPoints = 1
    static let byePoints = 3

    /// Points per entrant: 3 a win, 1 a draw, 0 a loss (technical or not), 3 a bye.
    private(set) var points: [Int]
    /// Everyone each entrant has been paired with.
    private(set) var opponents: [Set<Int>]
    private(set) var hadBye: [Bool]
    /// Times PLAYER_A minus times PLAYER_B, per entrant.
    private(set) var seatBalance: [Int]
    /// Whether the entrant was PLAYER_A in their latest match; `nil` before their first.
    private(set) var lastWasA: [Bool?]

    init(entrants: Int, played: [PlayedRound]) {
        let count = max(0, entrants)
        points = Array(repeating: 0, count: count)
        opponents = Array(repeating: [], count: count)
        hadBye = Array(repeating: false, count: count)
        seatBalance = Array(repeating: 0, count: count)
        lastWasA = Array(repeating: nil, count: count)
        let valid = 0..<count
        for round in played {
            if let bye = round.round.bye, valid.contains(bye) {
                hadBye[bye] = true
                points[bye] += Self.byePoints
            }
            for pairing in round.round.pairings where valid.contains(pairing.a) && valid.contains(pairing.b) {
                opponents[pairing.a].insert(pairing.b)
                opponents[pairing.b].insert(pairing.a)
                seatBalance[pairing.a] += 1
                seatBalance[pairing.b] -= 1
                lastWasA[pairing.a] = true
                lastWasA[pairing.b] = false
            }
            for match in round.matches where valid.contains(match.pairing.a) && valid.contains(match.pairing.b) {
                switch match.decision {
                case .aWins: points[match.pairing.a] += Self.winPoints
                case .bWins: points[match.pairing.b] += Self.winPoints
                case .draw:
                    points[match.pairing.a] += Self.drawPoints
                    points[match.pairing.b] += Self.drawPoints
                case .bothLost: break
                }
            }
        }
    }

    /// Every entrant, best first: points descending, then seed (lower index first).
    var ranking: [Int] {
        points.indices.sorted { points[$0] != points[$1] ? points[$0] > points[$1] : $0 < $1 }
    }

    func haveMet(_ first: Int, _ second: Int) -> Bool { opponents[first].contains(second) }

    /// The seats for `higher` (the better ranked) against `lower` on board `board` (0 the top board).
    ///
    /// The entrant who has been PLAYER_A less often (A minus B) gets A; on a tie, the one who was PLAYER_B
    /// in their latest match; failing that, the higher ranked on even boards and the lower on odd ones.
    func seats(_ higher: Int, _ lower: Int, board: Int) -> Pairing {
        let higherFirst: Bool
        if seatBalance[higher] != seatBalance[lower] {
            higherFirst = seatBalance[higher] < seatBalance[lower]
        } else if let higherWasA = lastWasA[higher], let lowerWasA = lastWasA[lower], higherWasA != lowerWasA {
            higherFirst = lowerWasA
        } else {
            higherFirst = board % 2 == 0
        }
        return higherFirst ? Pairing(a: higher, b: lower) : Pairing(a: lower, b: higher)
    }
}
