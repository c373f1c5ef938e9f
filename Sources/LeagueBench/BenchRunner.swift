import Foundation
import Logging

/// Runs a ``BenchScenario``: the leagues, then (with `rawRelay`) the same number of matches through the
/// raw relay, and reports both with the machine's load.
public enum BenchRunner {
    /// Runs `scenario`. `executable` is the `league` binary, needed when roles run as processes.
    public static func run(
        _ scenario: BenchScenario, executable: String, logger: Logger,
        progress: @escaping @Sendable (BenchProgress) -> Void = { _ in }
    ) async throws -> BenchReport {
        if let problem = scenario.problem { throw BenchError.invalidScenario(problem) }
        let load = ProcessUsage.loadAverage()
        let unique = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let league: Throughput
        let roles: [RoleUsage]
        switch scenario.roles {
        case .oneProcess:
            (league, roles) = try await InProcessLeagueRun.run(scenario, unique: unique, logger: logger, progress: progress)
        case .processes:
            (league, roles) = try await ProcessLeagueRun.run(scenario, executable: executable, unique: unique, progress: progress)
        }
        var raw: Throughput?
        if scenario.rawRelay {
            progress(BenchProgress(phase: "raw-relay", leaguesDone: 0, leagues: 0, matchesDone: 0, seconds: 0))
            let matches = min(max(scenario.totalMatches, 1), scenario.rawRelayMatchLimit)
            raw = try await RawRelayRun.run(scenario, matches: matches, unique: unique)
        }
        return BenchReport(
            scenario: scenario, machine: ProcessUsage.machine(loadAtStart: load), league: league, rawRelay: raw, roles: roles)
    }
}
