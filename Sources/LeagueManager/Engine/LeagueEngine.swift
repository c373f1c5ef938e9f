import LeagueFormats
import LeagueProtocol
import LeagueStore

/// What a league was asked to be: its game, format and size, as START_LEAGUE named them.
struct LeagueSpec: Hashable {
    var id: LeagueID
    var game: GameType
    var format: LeagueFormat
    var seed: UInt64
    var requestedPlayers: Int
    var rounds: Int?
    var gauntletPlayer: String?
    var gameOptions: GameOptions

    var formatOptions: FormatOptions { FormatOptions(rounds: rounds) }
}

/// One league: its schedule, leases, results and standings, changed only through its own methods.
///
/// The engine knows the league's format (who plays whom, round by round) but no game: a match's result is
/// a generic outcome (winner or draw, technical losers) that the manager has checked. It never touches a
/// socket or the store: the manager asks it what to do, persists what it reports and sends the messages.
/// Lives on the manager's event-loop thread.
final class LeagueEngine {
    let spec: LeagueSpec
    private var format: any TournamentFormat
    /// Connections that asked for this league and receive its progress.
    private(set) var watchers: [[UInt8]]
    private(set) var status: LeagueReport.Status = .waiting
    /// Players in seed order (their names' order): entrant `i` of the format is `players[i]`.
    private(set) var players: [AgentID] = []
    private(set) var matches: [EngineMatch] = []
    /// Each round's format description and match indices (index 0 is round 1).
    private(set) var rounds: [Round] = []
    private(set) var roundMatches: [[Int]] = []
    /// Indices of matches not yet leased, in schedule order.
    private var pending: [Int] = []
    private var unfinishedInRound: [Int] = []
    /// Each player's matches in schedule order, and how many of them are finished. A match is leased only
    /// when it is the next one of both its players, so every player meets its opponents in schedule order
    /// whatever the timing, and a seeded league replays identically.
    private var sequence: [AgentID: [Int]] = [:]
    private var played: [AgentID: Int] = [:]
    /// Matches from this index on are not stored yet and may not be leased.
    private(set) var storedCount = 0
    /// Rounds 1…`announced` have had their ROUND_ANNOUNCEMENT.
    private(set) var announced = 0
    /// Rounds 1…`completed` have had their ROUND_COMPLETED; rounds finish in any order but complete in order.
    private(set) var completed = 0
    private(set) var finishedMatches = 0
    private(set) var standings = StandingsTable(players: [])

    /// A new league, waiting for players. Throws when the format cannot be set up for its size.
    init(spec: LeagueSpec, watcher: [UInt8]?) throws(FormatError) {
        self.spec = spec
        self.format = try Formats.make(spec.format, options: spec.formatOptions, entrants: spec.requestedPlayers)
        self.watchers = watcher.map { [$0] } ?? []
    }

    var id: LeagueID { spec.id }
    var isFinished: Bool { status == .completed }
    var totalRounds: Int { format.totalRounds(entrants: max(players.count, spec.requestedPlayers)) }
    var totalMatches: Int { format.totalMatches(entrants: max(players.count, spec.requestedPlayers)) }

    /// Fixes the players (in seed order) and schedules the format's first rounds; the league then runs.
    func begin(players entrants: [(id: AgentID, name: String)]) -> [EngineEvent] {
        install(entrants)
        return schedule(format.nextRounds(entrants: players.count, played: []))
    }

    /// Fixes the players in seed order, sets the format up for them and starts the table; the league runs.
    private func install(_ entrants: [(id: AgentID, name: String)]) {
        prepareFormat(names: entrants.map(\.name))
        players = entrants.map(\.id)
        standings = StandingsTable(players: entrants.map { (id: $0.id.rawValue, name: $0.name) })
        for player in players { played[player] = 0 }
        status = .running
    }

    /// Appends rounds to the schedule.
    private func schedule(_ next: [Round]) -> [EngineEvent] {
        guard !next.isEmpty else { return [] }
        let first = matches.count
        for round in next {
            let number = rounds.count + 1
            rounds.append(round)
            roundMatches.append([])
            unfinishedInRound.append(0)
            for (position, pairing) in round.pairings.enumerated() {
                let matchID = MatchID("R\(number)M\(position + 1)")
                let index = matches.count
                matches.append(
                    EngineMatch(
                        id: matchID, round: number, pairing: pairing, playerA: players[pairing.a], playerB: players[pairing.b],
                        seed: SeededGenerator.derive(spec.seed, matchID.rawValue)))
                roundMatches[number - 1].append(index)
                unfinishedInRound[number - 1] += 1
                sequence[players[pairing.a], default: []].append(index)
                sequence[players[pairing.b], default: []].append(index)
                pending.append(index)
            }
        }
        return [.scheduled(first: first)]
    }

    /// The schedule from `first` on was stored: those matches may be leased.
    func stored(through count: Int) { storedCount = max(storedCount, min(count, matches.count)) }

    /// Adds a connection that receives the league's progress.
    func watch(_ identity: [UInt8]) { if !watchers.contains(identity) { watchers.append(identity) } }

    /// The match `matchID` names, if it is scheduled.
    func matchIndex(of matchID: String) -> Int? {
        // Match ids are "R<round>M<n>": find the round, then the match within it.
        guard matchID.first == "R", let mark = matchID.firstIndex(of: "M"),
            let round = Int(matchID[matchID.index(after: matchID.startIndex)..<mark]),
            let number = Int(matchID[matchID.index(after: mark)...]),
            roundMatches.indices.contains(round - 1), roundMatches[round - 1].indices.contains(number - 1)
        else { return nil }
        return roundMatches[round - 1][number - 1]
    }

    /// The pending matches that could start now (the next match of both their players), in schedule order.
    /// A match becomes startable only once the one before it finished, so the answer changes after every
    /// result or forfeit.
    func startable() -> [Int] {
        pending.filter { $0 < storedCount && isNextForBoth($0) }
    }

    /// Whether `index` is the next match of both its players.
    func isNextForBoth(_ index: Int) -> Bool {
        let match = matches[index]
        return isNext(index, for: match.playerA) && isNext(index, for: match.playerB)
    }

    private func isNext(_ index: Int, for player: AgentID) -> Bool {
        guard let list = sequence[player], let done = played[player], done < list.count else { return false }
        return list[done] == index
    }

    func conversationID(of index: Int) -> String { "conv-\(id)-\(matches[index].id)" }

    /// Takes the match off the pending list (it is leased or forfeited now).
    func removePending(_ index: Int) {
        if let position = pending.firstIndex(of: index) { pending.remove(at: position) }
    }

    /// Puts a match back among the pending ones, keeping schedule order.
    func requeue(_ index: Int) {
        matches[index].status = .pending
        matches[index].transcript = []
        matches[index].acknowledged = false
        guard !pending.contains(index) else { return }
        pending.insert(index, at: pending.firstIndex { $0 > index } ?? pending.count)
    }

    /// Sets the format up for the chosen players: the gauntlet runner is found by name (the first player
    /// when none is named).
    private func prepareFormat(names: [String]) {
        let runner = spec.gauntletPlayer.flatMap { names.firstIndex(of: $0) } ?? 0
        let options = FormatOptions(rounds: spec.rounds, gauntletRunner: spec.format == .gauntlet ? runner : nil)
        if let made = try? Formats.make(spec.format, options: options, entrants: names.count) { format = made }
    }

    // MARK: Restore

    /// Rebuilds a stored league by replaying its format over the stored results: finished matches keep
    /// their results, the rest wait to be leased again (a lease still marked running stays with its referee
    /// until that referee is heard from or declared dead). Formats are deterministic, so the replay gives
    /// the stored schedule back; rounds the store does not have yet are reported as `.scheduled`.
    func restore(
        players entrants: [(id: AgentID, name: String)], stored: [StoredMatch], status storedStatus: LeagueReport.Status, now: UInt64
    )
        -> [EngineEvent]
    {
        let byID = Dictionary(stored.map { ($0.matchID, $0) }, uniquingKeysWith: { first, _ in first })
        install(entrants)
        _ = schedule(format.nextRounds(entrants: players.count, played: []))
        var index = 0
        var firstUnstored: Int?
        while index < matches.count {
            // Finishing the last match of a batch appends the format's next rounds, which this loop then reaches.
            if let record = byID[matches[index].id.rawValue] {
                matches[index].lease = record.leaseID
                if let result = record.result {
                    removePending(index)
                    _ = finish(index, result: result)
                } else if let referee = record.refereeID {
                    removePending(index)
                    matches[index].status = .running(referee: AgentID(referee))
                    matches[index].leasedAt = now
                    matches[index].acknowledged = true
                }
            } else if firstUnstored == nil {
                firstUnstored = index
            }
            index += 1
        }
        storedCount = firstUnstored ?? matches.count
        if storedStatus == .completed { status = .completed }
        announced = completed
        return storedCount < matches.count ? [.scheduled(first: storedCount)] : []
    }

    /// Every round played so far, for the format; `extra` counts one more result as if it were recorded.
    func playedRounds(with extra: (index: Int, result: MatchResultReport.Result)? = nil) -> [PlayedRound] {
        rounds.indices.map { number in
            PlayedRound(
                round: rounds[number],
                matches: roundMatches[number].compactMap { index in
                    var match = matches[index]
                    if let extra, extra.index == index { match.result = extra.result }
                    return match.decision.map { PlayedMatch(pairing: match.pairing, decision: $0) }
                })
        }
    }

    // MARK: Leases

    /// Grants the next lease of a pending match to `referee`; returns the lease number.
    func lease(_ index: Int, to referee: AgentID, now: UInt64) -> Int {
        removePending(index)
        let lease = matches[index].lease + 1
        matches[index].status = .running(referee: referee)
        matches[index].lease = lease
        matches[index].leasedAt = now
        matches[index].acknowledged = false
        matches[index].attempts = 0
        matches[index].transcript = []
        return lease
    }

    /// Counts one MATCH_ASSIGNMENT send and schedules the next one after `backoff` nanoseconds; returns the
    /// number of sends so far.
    func noteAssignmentSent(_ index: Int, now: UInt64, backoff: (Int) -> UInt64) -> Int {
        let attempts = matches[index].attempts + 1
        matches[index].attempts = attempts
        matches[index].nextRetry = now + backoff(attempts)
        return attempts
    }

    /// The referee took the lease.
    func acknowledge(_ index: Int) { matches[index].acknowledged = true }

    /// Announces rounds up to `round`: returns the round numbers not announced before.
    func announce(through round: Int) -> ClosedRange<Int>? {
        guard announced < round else { return nil }
        let range = (announced + 1)...round
        announced = round
        return range
    }

    /// Appends a message to the transcript of a running match.
    func record(_ index: Int, _ type: String, from: String, to: String, now: UInt64) {
        let start = matches[index].leasedAt
        matches[index].transcript.append(
            MatchTranscript.Entry(offsetMicroseconds: now > start ? (now - start) / 1_000 : 0, type: type, from: from, to: to))
    }

    /// Restarts the transcript of a match decided without a referee (a forfeit).
    func beginForfeit(_ index: Int, now: UInt64) {
        matches[index].leasedAt = now
        matches[index].transcript = []
    }

    // MARK: Results

    /// Applies a committed result: standings, round completion, the format's next rounds, completion.
    func finish(_ index: Int, result: MatchResultReport.Result) -> [EngineEvent] {
        let match = matches[index]
        guard match.status != .finished else { return [] }
        matches[index].status = .finished
        matches[index].result = result
        matches[index].transcript = []
        standings.apply(a: match.playerA.rawValue, b: match.playerB.rawValue, status: result.details.status, winner: result.winner)
        finishedMatches += 1
        unfinishedInRound[match.round - 1] -= 1
        played[match.playerA, default: 0] += 1
        played[match.playerB, default: 0] += 1
        var events: [EngineEvent] = []
        while completed < rounds.count, unfinishedInRound[completed] == 0 {
            completed += 1
            if format.byeScores, let bye = rounds[completed - 1].bye { standings.applyBye(players[bye].rawValue) }
            if let placement = format.placement(entrants: players.count, played: playedRounds()) {
                standings.place(Dictionary(uniqueKeysWithValues: zip(players.map(\.rawValue), placement)))
            }
            events.append(.roundCompleted(completed))
        }
        guard finishedMatches == matches.count else { return events }
        let next = format.nextRounds(entrants: players.count, played: playedRounds())
        if next.isEmpty {
            status = .completed
            events.append(.leagueCompleted)
        } else {
            events += schedule(next)
        }
        return events
    }

    /// Whether this result finishes the league (nothing else left and the format is done), for the store.
    func wouldComplete(with index: Int, result: MatchResultReport.Result) -> Bool {
        guard finishedMatches + 1 == matches.count, matches[index].status != .finished else { return false }
        return format.nextRounds(entrants: players.count, played: playedRounds(with: (index, result))).isEmpty
    }
}
