/// A game's name on the wire (`game_type`): `even_odd`, `rps`, `connect_four`, … The manager treats it as
/// an opaque label that referees and players declare and leagues name; only the referee and the player know
/// what a game's rules are.
public struct GameType: TextValue {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// league.v2's game, and the default of every message that names none.
    public static let evenOdd: GameType = "even_odd"

    /// Whether `rawValue` is a well-formed name: 1–32 characters of `a-z`, `0-9`, `_` and `-`.
    public var isWellFormed: Bool {
        !rawValue.isEmpty && rawValue.utf8.count <= 32
            && rawValue.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5F || $0 == 0x2D }
    }
}

/// How a league pairs its players (`format` in START_LEAGUE and in league reports).
public enum LeagueFormat: String, Sendable, Hashable, Codable, CaseIterable {
    /// Everyone meets everyone once (the default).
    case roundRobin = "round_robin"
    /// Everyone meets everyone twice, seats swapped in the second half.
    case doubleRoundRobin = "double_round_robin"
    /// A fixed number of rounds; players with equal scores meet, never twice; a bye when the count is odd.
    case swiss
    /// Single elimination, seeded; the loser of each match is out.
    case knockout
    /// One player (the gauntlet runner) against every other player.
    case gauntlet
}

/// Game parameters a league passes to its referees untouched (`game_options`), e.g. `{"best_of": 5}`.
public typealias GameOptions = [String: Int]

/// Where a scheduled match stands: `pending` (not leased), `running` (leased to a referee) or `finished`.
public struct MatchStatus: TextValue {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let pending: MatchStatus = "pending"
    public static let running: MatchStatus = "running"
    public static let finished: MatchStatus = "finished"
}
