import LeagueProtocol

/// A knockout league's bracket, derived from its report alone: who met whom in each round, who went
/// through, who sat out with a bye, and the champion once there is one.
///
/// The manager schedules a knockout one round at a time, so the report lists the rounds drawn so far.
/// Seeds follow the league's player order (name order, seed 1 first). A match with a winner sends the
/// winner through; one without (a draw, or both players losing technically) sends the higher seed through,
/// unless the next round, once drawn, shows otherwise. The players of a round who are in none of its
/// matches have a bye: in round 1 every player of the league absent from it, later every player still in
/// who does not play.
public struct KnockoutBracket: Codable, Sendable, Hashable {
    /// A player of the league with its seed.
    public struct Player: Codable, Sendable, Hashable {
        /// The manager's id of the player, e.g. `P03`.
        public var playerID: String
        /// The display name.
        public var name: String
        /// 1 is the top seed.
        public var seed: Int

        /// Creates a player.
        public init(playerID: String, name: String, seed: Int) {
            self.playerID = playerID
            self.name = name
            self.seed = seed
        }

        enum CodingKeys: String, CodingKey {
            case playerID = "player_id", name, seed
        }
    }

    /// Why a player went through.
    public enum Advance: String, Codable, Sendable, Hashable {
        /// The player won the match (on the board or technically).
        case result
        /// No winner; the higher seed goes through.
        case higherSeed = "higher_seed"
        /// No winner, and the next round has the lower seed: shown as the schedule has it.
        case schedule
    }

    /// One match of the bracket.
    public struct Match: Codable, Sendable, Hashable {
        /// The match's id, e.g. `R1M2`.
        public var matchID: String
        /// PLAYER_A and PLAYER_B, as scheduled.
        public var playerA: Player
        public var playerB: Player
        /// `pending`, `running` or `finished`.
        public var status: MatchStatus
        /// WIN, DRAW or TECHNICAL_LOSS once finished.
        public var result: GameResultStatus?
        /// The winner's id; `nil` for a draw, when both lost, or before the end.
        public var winner: String?
        /// Who goes through (an id), once the match has finished.
        public var advances: String?
        /// Why `advances` goes through.
        public var decidedBy: Advance?

        /// Creates a match.
        public init(
            matchID: String, playerA: Player, playerB: Player, status: MatchStatus, result: GameResultStatus?, winner: String?,
            advances: String?, decidedBy: Advance?
        ) {
            self.matchID = matchID
            self.playerA = playerA
            self.playerB = playerB
            self.status = status
            self.result = result
            self.winner = winner
            self.advances = advances
            self.decidedBy = decidedBy
        }

        /// The player who goes through, once known.
        public var advancing: Player? {
            advances.flatMap { id in id == playerA.playerID ? playerA : id == playerB.playerID ? playerB : nil }
        }

        enum CodingKeys: String, CodingKey {
            case matchID = "match_id", playerA = "player_a", playerB = "player_b", status, result, winner, advances
            case decidedBy = "decided_by"
        }

        /// Encodes every field, `null` for what is not known yet.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(matchID, forKey: .matchID)
            try container.encode(playerA, forKey: .playerA)
            try container.encode(playerB, forKey: .playerB)
            try container.encode(status, forKey: .status)
            try container.encode(result, forKey: .result)  // null until finished: always present
            try container.encode(winner, forKey: .winner)
            try container.encode(advances, forKey: .advances)
            try container.encode(decidedBy, forKey: .decidedBy)
        }
    }

    /// One round: its matches (in schedule order) and its byes (in seed order); empty until drawn.
    public struct Round: Codable, Sendable, Hashable {
        /// The round's number, from 1.
        public var round: Int
        /// Whether the manager has drawn this round yet.
        public var drawn: Bool
        /// The round's matches, in schedule order.
        public var matches: [Match]
        /// The players still in who play none of the round's matches, in seed order.
        public var byes: [Player]

        /// Creates a round.
        public init(round: Int, drawn: Bool, matches: [Match], byes: [Player]) {
            self.round = round
            self.drawn = drawn
            self.matches = matches
            self.byes = byes
        }
    }

    /// The league's id.
    public var leagueID: String
    /// The league's status.
    public var status: LeagueReport.Status
    /// Every player of the league, in seed order.
    public var players: [Player]
    /// Every round of the bracket (⌈log₂ N⌉), drawn or not.
    public var rounds: [Round]
    /// The last player standing, once every round has been played.
    public var champion: Player?

    /// Creates a bracket; ``init(_:)`` derives one from a report.
    public init(leagueID: String, status: LeagueReport.Status, players: [Player], rounds: [Round], champion: Player?) {
        self.leagueID = leagueID
        self.status = status
        self.players = players
        self.rounds = rounds
        self.champion = champion
    }

    enum CodingKeys: String, CodingKey {
        case leagueID = "league_id", status, players, rounds, champion
    }

    /// Encodes every field, `champion` as `null` until decided.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(leagueID, forKey: .leagueID)
        try container.encode(status, forKey: .status)
        try container.encode(players, forKey: .players)
        try container.encode(rounds, forKey: .rounds)
        try container.encode(champion, forKey: .champion)  // null until decided: always present
    }
}

extension KnockoutBracket {
    /// The bracket of `report`, or `nil` when the league is not a knockout.
    public init?(_ report: LeagueReport) {
        guard report.format == .knockout else { return nil }
        self = KnockoutBracket.derive(from: report)
    }

    /// The bracket as the matches of `report` have it, whatever the league's format says.
    static func derive(from report: LeagueReport) -> KnockoutBracket {
        var roster = Roster(report.standings)
        let byRound = Dictionary(grouping: report.matches, by: \.round)
        var rounds: [Round] = []
        var alive = roster.players
        var champion: Player?
        for number in 1...max(report.roundsTotal, byRound.keys.max() ?? 0, 1) {
            guard champion == nil else { break }
            guard let scheduled = byRound[number], !scheduled.isEmpty else {
                rounds.append(Round(round: number, drawn: false, matches: [], byes: []))
                continue
            }
            let next = Set((byRound[number + 1] ?? []).flatMap { [$0.playerA, $0.playerB] })
            let matches = scheduled.map { match in
                bracketMatch(match, a: roster.player(match.playerA), b: roster.player(match.playerB), nextRound: next)
            }
            let playing = Set(matches.flatMap { [$0.playerA.playerID, $0.playerB.playerID] })
            let byes = alive.filter { !playing.contains($0.playerID) }
            rounds.append(Round(round: number, drawn: true, matches: matches, byes: byes))
            let through = Set(byes.map(\.playerID) + matches.compactMap(\.advances))
            alive = roster.players.filter { through.contains($0.playerID) }
            if matches.allSatisfy({ $0.advances != nil }), alive.count == 1 { champion = alive.first }
        }
        return KnockoutBracket(
            leagueID: report.leagueID, status: report.status, players: roster.players, rounds: rounds, champion: champion)
    }

    /// The league's players in seed order (name order), and any player a match names that the table lacks
    /// (seeded after them).
    private struct Roster {
        private(set) var players: [Player]
        private var byID: [String: Player]

        init(_ standings: [LeagueReport.Standing]) {
            let seeded = standings.sorted { ($0.name, $0.playerID) < ($1.name, $1.playerID) }
            players = seeded.enumerated().map { Player(playerID: $1.playerID, name: $1.name, seed: $0 + 1) }
            byID = Dictionary(players.map { ($0.playerID, $0) }, uniquingKeysWith: { first, _ in first })
        }

        mutating func player(_ id: String) -> Player {
            if let known = byID[id] { return known }
            let stranger = Player(playerID: id, name: id, seed: players.count + 1)
            players.append(stranger)
            byID[id] = stranger
            return stranger
        }
    }

    /// One match, with who goes through once it has finished.
    private static func bracketMatch(_ match: LeagueReport.Match, a: Player, b: Player, nextRound: Set<String>) -> Match {
        var advances: String?
        var decidedBy: Advance?
        if match.status == .finished {
            if let winner = match.winner, winner == a.playerID || winner == b.playerID {
                (advances, decidedBy) = (winner, .result)
            } else {
                let higher = a.seed <= b.seed ? a : b
                let lower = a.seed <= b.seed ? b : a
                if nextRound.contains(lower.playerID) && !nextRound.contains(higher.playerID) {
                    (advances, decidedBy) = (lower.playerID, .schedule)
                } else {
                    (advances, decidedBy) = (higher.playerID, .higherSeed)
                }
            }
        }
        return Match(
            matchID: match.matchID, playerA: a, playerB: b, status: match.status, result: match.result, winner: match.winner,
            advances: advances, decidedBy: decidedBy)
    }
}
