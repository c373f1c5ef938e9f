import Benchmark
import LeagueProtocol
import LeagueRuntime
import Logging
import Synchronization
import ZeroMQ

/// Matches, a round and whole leagues over real sockets, every role in this process (``LocalLeague``: a
/// manager, referees and players, each with its own socket). A league is launched once per benchmark, in
/// its setup; each iteration plays one more league on it.
enum MatchBenchmarks {
    static let quiet = Logger(label: "benchmark", factory: { _ in SwiftLogNoOpLogHandler() })

    /// The league a benchmark plays on, made in its setup and shut down in its teardown.
    final class Running: Sendable {
        private let league = Mutex<LocalLeague?>(nil)

        func start(_ options: LocalLeagueOptions) async throws {
            let launched = try await LocalLeague.launch(options, context: Context(), logger: MatchBenchmarks.quiet)
            league.withLock { $0 = launched }
        }

        var current: LocalLeague? { league.withLock { $0 } }

        func stop() async {
            let running = league.withLock { league in
                defer { league = nil }
                return league
            }
            await running?.shutdown()
        }
    }

    static func register() {
        let configuration = Benchmark.Configuration(
            metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(5), maxIterations: 2_000)
        let long = Benchmark.Configuration(
            metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(10), maxIterations: 50)

        for (name, endpoint) in [("tcp", "tcp://127.0.0.1:*"), ("inproc", "inproc://benchmark-match")] {
            let running = Running()
            Benchmark("Match end to end (\(name); 2 players, start → LEAGUE_COMPLETED → report)", configuration: configuration) {
                benchmark in
                guard let league = running.current else { return benchmark.error("no league") }
                for _ in benchmark.scaledIterations { blackHole(try await league.play()) }
            } setup: {
                try await running.start(LocalLeagueOptions(players: 2, referees: 1, seed: 7, endpoint: endpoint))
            } teardown: {
                await running.stop()
            }
        }

        let round = Running()
        // The league goes on after round 1, so the round's time is recorded as a metric of its own (the
        // rest of the league plays out before the next iteration).
        let roundMetric = BenchmarkMetric.custom("Round 1 wall clock (μs)", polarity: .prefersSmaller, useScalingFactor: false)
        let roundConfiguration = Benchmark.Configuration(
            metrics: [roundMetric, .mallocCountTotal], maxDuration: .seconds(10), maxIterations: 50)
        Benchmark("Round of 6 matches (tcp; 12 players, start → ROUND_COMPLETED 1)", configuration: roundConfiguration) { benchmark in
            guard let league = round.current else { return benchmark.error("no league") }
            for _ in benchmark.scaledIterations {
                let clock = RoundClock()
                blackHole(try await league.play { completed in if completed.roundID == 1 { clock.mark() } })
                if let micros = clock.elapsedMicroseconds { benchmark.measurement(roundMetric, micros) }
            }
        } setup: {
            try await round.start(LocalLeagueOptions(players: 12, referees: 3, refereeCapacity: 2, seed: 7))
        } teardown: {
            await round.stop()
        }

        for players in [4, 8, 16, 32] {
            let running = Running()
            Benchmark("League of \(players) players (tcp; \(players / 2) referees)", configuration: long) { benchmark in
                guard let league = running.current else { return benchmark.error("no league") }
                for _ in benchmark.scaledIterations { blackHole(try await league.play()) }
            } setup: {
                try await running.start(LocalLeagueOptions(players: players, referees: players / 2, seed: 7))
            } teardown: {
                await running.stop()
            }
        }
    }
}

/// When a league started and when its first round completed, written from the client's notice task.
final class RoundClock: Sendable {
    private let start = MonotonicClock.now()
    private let end = Mutex<UInt64?>(nil)

    /// Notes round 1's completion (the first call counts).
    func mark() {
        let now = MonotonicClock.now()
        end.withLock { if $0 == nil { $0 = now } }
    }

    var elapsedMicroseconds: Int? { end.withLock { $0 }.map { Int(($0 - start) / 1_000) } }
}
