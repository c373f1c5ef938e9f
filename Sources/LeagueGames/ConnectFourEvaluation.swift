/// The static score of a Connect Four position for the seat on turn, used at the search's depth limit.
///
/// Counts the windows of four cells (horizontal, vertical, diagonal) that hold no opponent disc: three
/// discs and an empty cell (an open three) are worth ``three``, two discs and two empty cells (an open two)
/// ``two``; each disc in the centre column is worth ``centre``. The opponent's counts are subtracted.
/// All windows of one direction are counted at once with bitwise adders, so no board loop runs.
enum ConnectFourEvaluation {
    static let three = 9
    static let two = 2
    static let centre = 3

    static func score(_ position: ConnectFourSearchStrategy.Position) -> Int {
        let empty = ConnectFourBits.board & ~position.occupied
        let mine = position.mine
        let theirs = position.theirs
        let centreDiscs = (mine & ConnectFourBits.centre).nonzeroBitCount - (theirs & ConnectFourBits.centre).nonzeroBitCount
        return lines(mine, empty) - lines(theirs, empty) + centre * centreDiscs
    }

    /// The worth of the open threes and twos of `discs`, whose opponent holds every cell not in `discs` or `empty`.
    static func lines(_ discs: UInt64, _ empty: UInt64) -> Int {
        windows(discs, empty, 1) + windows(discs, empty, 7) + windows(discs, empty, 8) + windows(discs, empty, 6)
    }

    /// Along shift `s`, bit x of each mask below stands for the window x, x+s, x+2s, x+3s.
    @inline(__always) private static func windows(_ discs: UInt64, _ empty: UInt64, _ s: UInt64) -> Int {
        let free = discs | empty  // off-board bits are in neither, so windows leaving the board drop out
        let open = free & (free &>> s) & (free &>> (2 * s)) & (free &>> (3 * s))
        let d0 = discs & open
        let d1 = (discs &>> s) & open
        let d2 = (discs &>> (2 * s)) & open
        let d3 = (discs &>> (3 * s)) & open
        let bothLow = d0 & d1  // the window's first two cells: two discs
        let oneLow = d0 ^ d1  // … exactly one
        let bothHigh = d2 & d3
        let oneHigh = d2 ^ d3
        let threes = (bothLow & oneHigh) | (bothHigh & oneLow)
        let twos = (bothLow & ~bothHigh & ~oneHigh) | (bothHigh & ~bothLow & ~oneLow) | (oneLow & oneHigh)
        return three * threes.nonzeroBitCount + two * twos.nonzeroBitCount
    }
}
