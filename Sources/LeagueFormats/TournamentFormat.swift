import LeagueProtocol

/// One match of a round: indices into the league's entrant list (seed order, 0 is the top seed);
/// `a` plays as PLAYER_A.
public struct Pairing: Sendable, Hashable {
    public var a: Int
    public var b: Int
    public init(a: Int, b: Int) {
        self.a = a
        self.b = b
    }
}

/// One round: its matches, and the entrant who sits out with a bye, if any.
///
/// Only Swiss names a `bye`, and it scores like a win (``TournamentFormat/byeScores``). Entrants who merely
/// sit out a round (round robin with an odd count, gauntlet) are not named: that scores nothing. A
/// knockout's first-round byes (the top P − N seeds) are not named either: they are the entrants absent
/// from round 1, and they advance without scoring.
public struct Round: Sendable, Hashable {
    public var pairings: [Pairing]
    public var bye: Int?
    public init(pairings: [Pairing], bye: Int? = nil) {
        self.pairings = pairings
        self.bye = bye
    }
}

/// How a finished match ended, as a format needs to know it.
public enum MatchDecision: Sendable, Hashable {
    case aWins
    case bWins
    /// A draw on the board.
    case draw
    /// Both players lost technically.
    case bothLost
}

/// A finished match: its pairing and how it ended.
public struct PlayedMatch: Sendable, Hashable {
    public var pairing: Pairing
    public var decision: MatchDecision
    public init(pairing: Pairing, decision: MatchDecision) {
        self.pairing = pairing
        self.decision = decision
    }
}

/// A round that has been played to the end.
public struct PlayedRound: Sendable, Hashable {
    public var round: Round
    public var matches: [PlayedMatch]
    public init(round: Round, matches: [PlayedMatch]) {
        self.round = round
        self.matches = matches
    }
}

/// A tournament format, pure: who plays whom, round by round, from the results so far.
///
/// The league engine calls ``nextRounds(entrants:played:)`` when the league starts (`played` empty) and
/// again each time every scheduled match has finished; an empty answer ends the league. Formats whose whole
/// schedule is known in advance (round robin, double round robin, gauntlet) answer everything at once, then
/// only the rounds `played` does not hold yet (nothing, once all are played). Swiss and knockout answer one
/// round at a time. Every format is deterministic: the same `played` gives the same answer.
public protocol TournamentFormat: Sendable {
    /// The format's name on the wire.
    var kind: LeagueFormat { get }

    /// The rounds to schedule next for `entrants` players, given every round played so far (in order).
    /// Nobody plays twice in one round.
    func nextRounds(entrants: Int, played: [PlayedRound]) -> [Round]

    /// How many rounds and matches a league of `entrants` plays in all (known in advance for every format
    /// here: Swiss has its fixed rounds, knockout ⌈log₂ N⌉ rounds and N − 1 matches).
    func totalRounds(entrants: Int) -> Int
    func totalMatches(entrants: Int) -> Int

    /// Whether a bye (``Round/bye``) in this format scores like a win: true for Swiss only.
    var byeScores: Bool { get }

    /// A placement per entrant that ranks before points (higher places first), or `nil` to rank by
    /// points alone. Knockout places by the round a player reached, so the champion is first.
    func placement(entrants: Int, played: [PlayedRound]) -> [Int]?
}

extension TournamentFormat {
    public var byeScores: Bool { false }
    public func placement(entrants: Int, played: [PlayedRound]) -> [Int]? { nil }
}

/// Why a format cannot be set up for a league.
public struct FormatError: Error, Sendable, Hashable, CustomStringConvertible {
    public var detail: String
    public init(_ detail: String) { self.detail = detail }
    public var description: String { detail }
}

/// What a league asks of its format, beyond its kind.
public struct FormatOptions: Sendable, Hashable {
    /// Swiss: how many rounds (required, 1…⌊entrants / 2⌋; see ``SwissFormat/maximumRounds(entrants:)``).
    /// Any other format refuses it.
    public var rounds: Int?
    /// Gauntlet: the entrant (index in seed order) who plays everyone else; 0 when absent. Any other format
    /// refuses it.
    public var gauntletRunner: Int?
    public init(rounds: Int? = nil, gauntletRunner: Int? = nil) {
        self.rounds = rounds
        self.gauntletRunner = gauntletRunner
    }
}
