/// Bitboard arithmetic for Connect Four.
///
/// Cell (column c, row r), row 0 at the bottom, is bit `7·c + r` of a `UInt64`. Bit `7·c + 6` of each
/// column is never set (a sentinel row) and neither is any bit from 49 up, so a shift by 1 (vertical),
/// 7 (horizontal), 8 (diagonal ↗) or 6 (diagonal ↘) never lines up discs across a column's top or off the
/// board.
enum ConnectFourBits {
    static let columns = 7
    static let rows = 6
    static let cells = 42

    /// The bottom cell of every column.
    static let bottomRow: UInt64 = 0x0000_0408_1020_4081
    /// Every cell of the board.
    static let board: UInt64 = bottomRow &* 0x3F
    /// The centre column.
    static let centre: UInt64 = column(3)

    /// Every cell of column `c`.
    @inline(__always) static func column(_ c: Int) -> UInt64 { 0x3F &<< UInt64(7 * c) }

    /// The cell of column `c`, row `r`.
    @inline(__always) static func cell(column c: Int, row r: Int) -> UInt64 { 1 &<< UInt64(7 * c + r) }

    /// The lowest empty cell of every column that is not full.
    @inline(__always) static func playable(_ occupied: UInt64) -> UInt64 { (occupied &+ bottomRow) & board }

    /// Whether `discs` holds four in a row in any direction.
    static func hasFour(_ discs: UInt64) -> Bool {
        fours(discs, 1) || fours(discs, 7) || fours(discs, 8) || fours(discs, 6)
    }

    @inline(__always) private static func fours(_ p: UInt64, _ s: UInt64) -> Bool {
        let pairs = p & (p &>> s)
        return pairs & (pairs &>> (2 * s)) != 0
    }

    /// The empty cells (playable or not) where one more disc would give `discs` four in a row.
    static func winningCells(_ discs: UInt64, occupied: UInt64) -> UInt64 {
        let p = discs
        var cells = (p &<< 1) & (p &<< 2) & (p &<< 3)  // on top of three
        cells |= lineGaps(p, 7) | lineGaps(p, 8) | lineGaps(p, 6)
        return cells & (board ^ occupied)
    }

    /// Cells that complete `x x x _`, `_ x x x`, `x _ x x` or `x x _ x` along shift `s`.
    @inline(__always) private static func lineGaps(_ p: UInt64, _ s: UInt64) -> UInt64 {
        var cells: UInt64 = 0
        var pair = (p &<< s) & (p &<< (2 * s))
        cells |= pair & (p &<< (3 * s))
        cells |= pair & (p &>> s)
        pair = (p &>> s) & (p &>> (2 * s))
        cells |= pair & (p &<< s)
        cells |= pair & (p &>> (3 * s))
        return cells
    }

    /// The column of a one-cell mask.
    @inline(__always) static func columnOf(_ cell: UInt64) -> Int { cell.trailingZeroBitCount / 7 }

    /// Columns in the order worth trying first: centre out, left before right.
    @inline(__always) static func centreFirst(_ index: Int) -> Int {
        index % 2 == 1 ? 3 - (index + 1) / 2 : 3 + index / 2
    }
}
