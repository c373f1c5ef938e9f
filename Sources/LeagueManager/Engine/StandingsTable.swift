import LeagueProtocol

/// Points and records of a league's players.
///
/// Scoring: a win 3, a draw 1 each, a loss 0. A technical loss is a loss for the offender and a win for the
/// opponent; when both players fail, both take a loss and nobody scores.
///
/// A Swiss bye scores 3 points (counted as a bye, not a win). Formats that place players (knockout: the
/// round reached) rank by place first.
///
/// Order: place (when the format gives one), then points, then wins, then draws (all descending), then
/// display name and player id (ascending), so the order is total and the same on every run.
public struct StandingsTable: Sendable, Hashable {
    public struct Record: Sendable, Hashable {
        public var playerID: String
        public var displayName: String
        public var played = 0
        public var wins = 0
        public var draws = 0
        public var losses = 0
        public var byes = 0
        /// The format's placement (higher ranks first); 0 when the format gives none.
        public var place = 0
        public var points: Int { wins * 3 + draws + byes * 3 }

        public var summary: RecordSummary { RecordSummary(wins: wins, losses: losses, draws: draws) }
    }

    private var records: [String: Record] = [:]
    private var order: [String] = []

    /// A table with every player at zero.
    public init(players: [(id: String, name: String)]) {
        for player in players {
            records[player.id] = Record(playerID: player.id, displayName: player.name)
            order.append(player.id)
        }
    }

    /// One player's record.
    public func record(of playerID: String) -> Record? { records[playerID] }

    /// Records a finished match between `a` and `b`; `winner` is `nil` for a draw or a double technical loss.
    public mutating func apply(a: String, b: String, status: GameResultStatus, winner: String?) {
        records[a]?.played += 1
        records[b]?.played += 1
        switch (status, winner) {
        case (.draw, _):
            records[a]?.draws += 1
            records[b]?.draws += 1
        case (_, let winner?):
            let loser = winner == a ? b : a
            records[winner]?.wins += 1
            records[loser]?.losses += 1
        case (_, nil):
            records[a]?.losses += 1
            records[b]?.losses += 1
        }
    }

    /// Records a Swiss bye.
    public mutating func applyBye(_ playerID: String) { records[playerID]?.byes += 1 }

    /// Sets every player's place (higher ranks first).
    public mutating func place(_ places: [String: Int]) {
        for (player, place) in places { records[player]?.place = place }
    }

    /// The table in rank order. Players level on points, wins and draws get distinct ranks by name.
    public func rows() -> [StandingRow] {
        let sorted = order.compactMap { records[$0] }.sorted(by: Self.ranksBefore)
        return sorted.enumerated().map { index, record in
            StandingRow(
                rank: index + 1, playerID: record.playerID, displayName: record.displayName, played: record.played,
                wins: record.wins, draws: record.draws, losses: record.losses, points: record.points,
                byes: record.byes > 0 ? record.byes : nil)
        }
    }

    /// The ranking rule: place, points, wins, draws descending; then name and id ascending.
    public static func ranksBefore(_ x: Record, _ y: Record) -> Bool {
        if x.place != y.place { return x.place > y.place }
        if x.points != y.points { return x.points > y.points }
        if x.wins != y.wins { return x.wins > y.wins }
        if x.draws != y.draws { return x.draws > y.draws }
        if x.displayName != y.displayName { return x.displayName < y.displayName }
        return x.playerID < y.playerID
    }
}
