import LeagueProtocol

/// One league as the manager tracks it: schedule, leases, results and standings.
struct LeagueState {
    enum MatchStatus: Equatable {
        case pending
        case running(refereeID: String)
        case finished
    }

    struct Match {
        let id: String
        let round: Int
        let playerA: String
        let playerB: String
        let seed: UInt64
        var status: MatchStatus = .pending
        var result: MatchResultReport.Result?
    }

    let id: String
    let gameType: String
    let seed: UInt64
    let requestedPlayers: Int
    /// Connections that asked for this league and receive its progress.
    var watchers: [[UInt8]]
    var status: LeagueReport.Status = .waiting
    var players: [String] = []
    var matches: [Match] = []
    /// Match indices of each round (index 0 is round 1).
    var rounds: [[Int]] = []
    /// Indices of matches not yet leased, in schedule order.
    var pending: [Int] = []
    var unfinishedInRound: [Int] = []
    /// Each player's matches in schedule order, and how many of them are finished. A match is leased only
    /// when it is the next one of both its players, so every player meets its opponents in schedule order
    /// whatever the timing, and a seeded league replays identically.
    var sequence: [String: [Int]] = [:]
    var played: [String: Int] = [:]
    /// Rounds 1…`announced` have had their ROUND_ANNOUNCEMENT.
    var announced = 0
    /// Rounds 1…`completed` have had their ROUND_COMPLETED; rounds finish in any order but complete in order.
    var completed = 0
    var finishedMatches = 0
    var standings = StandingsTable(players: [])

    init(id: String, gameType: String, seed: UInt64, requestedPlayers: Int, watcher: [UInt8]?) {
        self.id = id
        self.gameType = gameType
        self.seed = seed
        self.requestedPlayers = requestedPlayers
        self.watchers = watcher.map { [$0] } ?? []
    }

    /// Fixes the players and builds the schedule; the league is then running.
    mutating func begin(players: [(id: String, name: String)]) {
        self.players = players.map(\.id)
        standings = StandingsTable(players: players)
        for (roundIndex, pairings) in RoundRobin.rounds(count: players.count).enumerated() {
            var indices: [Int] = []
            for (matchIndex, pairing) in pairings.enumerated() {
                let matchID = "R\(roundIndex + 1)M\(matchIndex + 1)"
                indices.append(matches.count)
                matches.append(
                    Match(
                        id: matchID, round: roundIndex + 1, playerA: players[pairing.a].id,
                        playerB: players[pairing.b].id, seed: SeededGenerator.derive(seed, matchID)))
            }
            rounds.append(indices)
            unfinishedInRound.append(indices.count)
        }
        for (index, match) in matches.enumerated() {
            sequence[match.playerA, default: []].append(index)
            sequence[match.playerB, default: []].append(index)
        }
        for player in self.players { played[player] = 0 }
        pending = Array(matches.indices)
        status = .running
    }

    /// Whether `index` is the next match of both its players.
    func isNextForBoth(_ index: Int) -> Bool {
        let match = matches[index]
        return isNext(index, for: match.playerA) && isNext(index, for: match.playerB)
    }

    private func isNext(_ index: Int, for player: String) -> Bool {
        guard let list = sequence[player], let done = played[player], done < list.count else { return false }
        return list[done] == index
    }

    func matchIndex(of matchID: String) -> Int? {
        // Match ids are "R<round>M<n>": find the round, then the match within it.
        guard matchID.first == "R", let mark = matchID.firstIndex(of: "M"),
            let round = Int(matchID[matchID.index(after: matchID.startIndex)..<mark]),
            let number = Int(matchID[matchID.index(after: mark)...]),
            rounds.indices.contains(round - 1), rounds[round - 1].indices.contains(number - 1)
        else { return nil }
        return rounds[round - 1][number - 1]
    }

    var isFinished: Bool { finishedMatches == matches.count && status != .waiting }

    func conversationID(of match: Match) -> String { "conv-\(id)-\(match.id)" }

    func report() -> LeagueReport {
        let rows = standings.rows()
        return LeagueReport(
            leagueID: id, status: status, gameType: gameType, seed: seed, playerCount: players.count,
            roundsTotal: rounds.count, roundsCompleted: completed, matchesTotal: matches.count,
            matchesCompleted: finishedMatches,
            matches: matches.map { match in
                let referee: String? = if case .running(let referee) = match.status { referee } else { nil }
                return LeagueReport.Match(
                    matchID: match.id, round: match.round, playerA: match.playerA, playerB: match.playerB,
                    status: match.status == .pending ? "pending" : match.status == .finished ? "finished" : "running",
                    refereeID: referee, result: match.result?.details.status, winner: match.result?.winner,
                    drawnNumber: match.result?.details.drawnNumber, choices: match.result?.details.choices,
                    seed: match.seed, reason: match.result?.details.reason)
            },
            standings: rows.map(LeagueReport.Standing.init))
    }
}
