import Histogram
import LeagueOperator
import LeagueProtocol
import ZeroMQ

/// The operator's side of a bench run: asks the manager for the scenario's leagues, at most
/// `concurrentLeagues` running at once (and as many more queued, so the next starts the moment players
/// free up), and times each league from its round 1 announcement to its LEAGUE_COMPLETED.
struct LeagueDriver {
    /// What the operator saw.
    struct Outcome {
        var leaguesCompleted = 0
        var matchesCompleted = 0
        var firstStart: UInt64?
        var lastEnd: UInt64?
        var leagueDurations = LatencyRecorder.makeHistogram()
        var timedOut = false
    }

    let scenario: BenchScenario
    let client: LeagueClient
    let progress: @Sendable (BenchProgress) -> Void
    /// Called once, when the first league starts (its players are registered): the moment to take baselines.
    var onFirstStart: () -> Void = {}

    func run() async throws -> Outcome {
        let codec = MessageCodec()
        var outcome = Outcome()
        var submitted = 0
        var started: [String: UInt64] = [:]
        var lastReport = MonotonicClock.now()
        let finishedCount = ProgressCounter()
        let watchdog = Task { [client, scenario] in
            var last = -1
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(scenario.leagueTimeoutSeconds))
                guard !Task.isCancelled else { return }
                let now = finishedCount.value
                if now == last {
                    finishedCount.markTimedOut()
                    await client.close()  // ends the notices stream below
                    return
                }
                last = now
            }
        }
        defer { watchdog.cancel() }
        func submit() async throws {
            _ = try await client.startLeague(players: scenario.players, seed: scenario.seed &+ UInt64(submitted))
            submitted += 1
        }
        while submitted < min(scenario.leagues, scenario.concurrentLeagues * 2) { try await submit() }
        for await notice in client.notices {
            switch notice.type {
            case .roundAnnouncement:
                guard let announcement = try? codec.decode(RoundAnnouncement.self, from: notice.body).body,
                    announcement.roundID == 1, started[announcement.leagueID] == nil
                else { continue }
                let now = MonotonicClock.now()
                started[announcement.leagueID] = now
                if outcome.firstStart == nil {
                    onFirstStart()
                    outcome.firstStart = MonotonicClock.now()
                }
            case .roundCompleted:
                finishedCount.bump()
            case .leagueCompleted:
                guard let done = try? codec.decode(LeagueCompleted.self, from: notice.body).body,
                    let start = started.removeValue(forKey: done.leagueID)
                else { continue }
                let now = MonotonicClock.now()
                _ = outcome.leagueDurations.record(max(1, (now &- start) / 1_000))
                outcome.lastEnd = now
                outcome.leaguesCompleted += 1
                outcome.matchesCompleted += done.totalMatches
                finishedCount.bump()
                if outcome.leaguesCompleted == scenario.leagues { return outcome }
                if submitted < scenario.leagues { try await submit() }
            default:
                continue
            }
            let now = MonotonicClock.now()
            if now &- lastReport > 250_000_000, let first = outcome.firstStart {
                lastReport = now
                progress(
                    BenchProgress(
                        phase: "league", leaguesDone: outcome.leaguesCompleted, leagues: scenario.leagues,
                        matchesDone: outcome.matchesCompleted, seconds: Double(now &- first) / 1e9))
            }
        }
        outcome.timedOut = finishedCount.timedOut
        return outcome
    }
}
