import LeagueProtocol
import LeagueStore

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
        /// The current lease number (0: never leased); results must name it.
        var lease = 0
        /// When the current lease began, and whether the referee acknowledged it.
        var leasedAt: UInt64 = 0
        var acknowledged = false
        var attempts = 0
        var nextRetry: UInt64 = 0
        /// Messages of the current lease, for the transcript.
        var transcript: [MatchTranscript.Entry] = []
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
        var schedule: [Match] = []
        for (roundIndex, pairings) in RoundRobin.rounds(count: players.count).enumerated() {
            for (matchIndex, pairing) in pairings.enumerated() {
                let matchID = "R\(roundIndex + 1)M\(matchIndex + 1)"
                schedule.append(
                    Match(
                        id: matchID, round: roundIndex + 1, playerA: players[pairing.a].id, playerB: players[pairing.b].id,
                        seed: SeededGenerator.derive(seed, matchID)))
            }
        }
        install(players: players, matches: schedule)
    }

    /// Rebuilds a stored league: finished matches keep their results, the rest wait to be leased again
    /// (a lease still marked running stays with its referee until that referee is heard from or declared dead).
    mutating func restore(players: [(id: String, name: String)], stored: [StoredMatch]) {
        let schedule = stored.map { record in
            var match = Match(id: record.matchID, round: record.round, playerA: record.playerA, playerB: record.playerB, seed: record.seed)
            match.lease = record.leaseID
            if let result = record.result {
                match.status = .finished
                match.result = result
            } else if let referee = record.refereeID {
                match.status = .running(refereeID: referee)
            }
            return match
        }
        install(players: players, matches: schedule)
        pending = matches.indices.filter { matches[$0].status == .pending }
        for index in matches.indices {
            guard let result = matches[index].result else { continue }
            let match = matches[index]
            standings.apply(a: match.playerA, b: match.playerB, status: result.details.status, winner: result.winner)
            finishedMatches += 1
            unfinishedInRound[match.round - 1] -= 1
            played[match.playerA, default: 0] += 1
            played[match.playerB, default: 0] += 1
        }
        while completed < rounds.count, unfinishedInRound[completed] == 0 { completed += 1 }
        announced = completed
        if status != .completed { status = isFinished ? .completed : .running }
    }

    private mutating func install(players: [(id: String, name: String)], matches schedule: [Match]) {
        self.players = players.map(\.id)
        standings = StandingsTable(players: players)
        matches = schedule
        rounds = []
        unfinishedInRound = []
        for (index, match) in schedule.enumerated() {
            while rounds.count < match.round {
                rounds.append([])
                unfinishedInRound.append(0)
            }
            rounds[match.round - 1].append(index)
            unfinishedInRound[match.round - 1] += 1
            sequence[match.playerA, default: []].append(index)
            sequence[match.playerB, default: []].append(index)
        }
        for player in self.players { played[player] = played[player] ?? 0 }
        pending = Array(matches.indices)
        status = .running
    }

    /// Puts a match back among the pending ones, keeping schedule order.
    mutating func requeue(_ index: Int) {
        matches[index].status = .pending
        matches[index].transcript = []
        matches[index].acknowledged = false
        pending.insert(index, at: pending.firstIndex { $0 > index } ?? pending.count)
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

    var isFinished: Bool { !matches.isEmpty && finishedMatches == matches.count }

    func conversationID(of match: Match) -> String { "conv-\(id)-\(match.id)" }

    func stored(_ index: Int) -> StoredMatch {
        let match = matches[index]
        return StoredMatch(
            leagueID: id, index: index, matchID: match.id, round: match.round, playerA: match.playerA, playerB: match.playerB,
            seed: match.seed, leaseID: match.lease)
    }

    var storedLeague: StoredLeague {
        StoredLeague(id: id, gameType: gameType, seed: seed, requestedPlayers: requestedPlayers, status: status, players: players)
    }
}
