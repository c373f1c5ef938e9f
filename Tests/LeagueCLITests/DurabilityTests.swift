import Foundation
import LeagueOperator
import LeagueProtocol
import LeagueTestSupport
import Testing

/// Failures of real processes in the middle of a league: kill -9, SIGSTOP, a manager restarted on its
/// database. Every test is seeded and bounded in time.
@Suite("Durability", .serialized, .timeLimit(.minutes(3)))
struct DurabilityTests {
    static let strategies = ["random", "frequency", "pattern", "even", "odd"]

    /// Ten players thinking `think` ms per answer and two referees.
    static func tenPlayerCluster(think: Int = 20, grace: Int = 10_000) async throws -> TestCluster {
        let cluster = try TestCluster()
        try await cluster.startManager(graceMilliseconds: grace)
        try cluster.startReferee("REF-A")
        try cluster.startReferee("REF-B")
        for index in 0..<10 {
            try cluster.startPlayer(
                "p\(index)", strategy: strategies[index % strategies.count], seed: 100 + index, thinkMilliseconds: think)
        }
        return cluster
    }

    /// Waits until the league has at least `count` finished matches.
    static func waitForMatches(_ count: Int, of league: String, _ client: LeagueClient) async throws -> LeagueReport {
        var last: LeagueReport?
        let reached = await eventually(within: 60) {
            last = try? await client.league(league)
            return (last?.matchesCompleted ?? 0) >= count
        }
        try #require(reached, "the league did not reach \(count) finished matches")
        return try #require(last)
    }

    /// Waits for the league to complete and returns its report.
    static func completed(_ league: String, _ client: LeagueClient) async throws -> LeagueReport {
        var last: LeagueReport?
        let done = await eventually(within: 90) {
            last = try? await client.league(league)
            return last?.status == .completed
        }
        try #require(done, "the league did not complete: \(last.map { "\($0.matchesCompleted)/\($0.matchesTotal)" } ?? "no report")")
        return try #require(last)
    }

    @Test("kill -9 a referee mid-league: its matches are replayed elsewhere and each of the 45 pairs is recorded once")
    func killReferee() async throws {
        try await Self.with(try await Self.tenPlayerCluster()) { cluster in
            let client = try await cluster.client()
            let league = try #require(try await client.startLeague(players: 10, seed: 5).leagueID)
            _ = try await Self.waitForMatches(8, of: league, client)
            cluster.agents["REF-A"]?.signal(SIGKILL)
            let report = try await Self.completed(league, client)
            let stats = try await client.statistics()
            await client.close()
            #expect(ReportCheck.problems(report) == [])
            #expect(Set(report.matches.map { Set([$0.playerA, $0.playerB]) }).count == 45)
            // At least the killed one; on a starved machine a live referee may also be declared dead for a while.
            #expect((stats.heartbeatMisses["referee"] ?? 0) >= 1)
            #expect(stats.duplicateResults == 0)
            #expect(stats.leasesRevoked >= 1, "the dead referee's matches were taken back")
            #expect(report.matches.allSatisfy { $0.refereeID == nil && $0.status == "finished" })
        }
    }

    @Test("kill -9 a player mid-league: its open match is a technical loss, the rest are forfeited after the grace period")
    func killPlayer() async throws {
        try await Self.with(try await Self.tenPlayerCluster(grace: 1_000)) { cluster in
            let client = try await cluster.client()
            let league = try #require(try await client.startLeague(players: 10, seed: 6).leagueID)
            let before = try await Self.waitForMatches(8, of: league, client)
            let victimName = "p3"
            let victim = try #require(before.standings.first { $0.name == victimName }?.playerID)
            let playedBefore = Set(
                before.matches.filter { $0.status == "finished" && ($0.playerA == victim || $0.playerB == victim) }.map(\.matchID))
            cluster.agents[victimName]?.signal(SIGKILL)
            let report = try await Self.completed(league, client)
            let stats = try await client.statistics()
            await client.close()
            #expect(ReportCheck.problems(report) == [])
            let later = report.matches.filter { ($0.playerA == victim || $0.playerB == victim) && !playedBefore.contains($0.matchID) }
            #expect(later.count >= 9 - playedBefore.count - 1)
            for match in later.dropFirst() {  // the first may have been decided normally just before the kill
                #expect(match.result == .technicalLoss, "\(match.matchID)")
                #expect(match.winner != victim)
            }
            #expect(stats.forfeits >= 1)
            #expect((stats.heartbeatMisses["player"] ?? 0) >= 1)
        }
    }

    @Test(
        "kill -9 the manager mid-league and restart it on its database: no finished match is replayed and the standings equal a clean run")
    func killManager() async throws {
        // The clean run, with the same seeds.
        let reference = try await Self.with(try await Self.tenPlayerCluster()) { clean in
            let cleanClient = try await clean.client()
            let cleanLeague = try #require(try await cleanClient.startLeague(players: 10, seed: 7).leagueID)
            let reference = try await Self.completed(cleanLeague, cleanClient)
            await cleanClient.close()
            return reference
        }
        try await Self.with(try await Self.tenPlayerCluster()) { cluster in
            var client = try await cluster.client()
            let league = try #require(try await client.startLeague(players: 10, seed: 7).leagueID)
            let before = try await Self.waitForMatches(12, of: league, client)
            cluster.manager?.signal(SIGKILL)
            _ = await cluster.manager?.exitStatus(within: 10)
            await client.close()
            try await cluster.startManager()
            client = try await cluster.client()
            let report = try await Self.completed(league, client)
            let stats = try await client.statistics()
            await client.close()

            #expect(ReportCheck.problems(report) == [])
            let finishedBefore = before.matches.filter { $0.status == "finished" }
            #expect(finishedBefore.count >= 12)
            let after = Dictionary(uniqueKeysWithValues: report.matches.map { ($0.matchID, $0) })
            for match in finishedBefore {
                #expect(
                    after[match.matchID]?.result == match.result && after[match.matchID]?.drawnNumber == match.drawnNumber,
                    "\(match.matchID) changed")
            }
            #expect(stats.matchesFinished <= 45 - finishedBefore.count, "the restarted manager recorded only what was left")
            #expect(cluster.managerLog().contains("resumed from the store"))
            #expect(Self.byName(report) == Self.byName(reference), "standings equal those of an uninterrupted run")
        }
    }

    @Test("SIGSTOP a player beyond the liveness window, then SIGCONT: noticed, handled, nothing counted twice")
    func stopAndContinuePlayer() async throws {
        try await Self.with(try await Self.tenPlayerCluster()) { cluster in
            let client = try await cluster.client()
            let league = try #require(try await client.startLeague(players: 10, seed: 8).leagueID)
            _ = try await Self.waitForMatches(6, of: league, client)
            let frozen = try #require(cluster.agents["p4"])
            frozen.signal(SIGSTOP)
            let noticed = await eventually(within: 10) {
                ((try? await client.statistics())?.heartbeatMisses["player"] ?? 0) >= 1
            }
            #expect(noticed, "the frozen player was declared dead")
            frozen.signal(SIGCONT)
            let report = try await Self.completed(league, client)
            let stats = try await client.statistics()
            await client.close()
            #expect(ReportCheck.problems(report) == [])
            #expect(stats.duplicateResults == 0)
            #expect(stats.matchesFinished == 45)
            #expect(cluster.agents.values.allSatisfy { $0.isRunning }, "nothing crashed")
        }
    }

    @Test("a referee that reports the same result twice, or a result for a match it does not hold, is rejected, counted and logged")
    func badResults() async throws {
        try await Self.with(try TestCluster()) { cluster in
            try await cluster.startManager()
            let referee = try await RawReferee(endpoint: cluster.endpoint)
            for index in 0..<3 { try cluster.startPlayer("q\(index)", seed: index) }
            let client = try await cluster.client()
            let league = try #require(try await client.startLeague(players: 3, seed: 9).leagueID)
            let assignment = try #require(await referee.nextAssignment())
            let report = RawReferee.draw(assignment)
            #expect(try await referee.report(report)?.status == .accepted)
            #expect(try await referee.report(report)?.status == .rejected, "the same result again")
            var notHeld = report
            notHeld.matchID = "R3M1"  // not leased while R2M1 waits for its players
            #expect(try await referee.reportError(notHeld) == .resultRejected)
            let second = try #require(await referee.nextAssignment())
            var stale = RawReferee.draw(second)
            stale.leaseID = second.leaseID + 7
            #expect(try await referee.reportError(stale) == .resultRejected, "a lease that is not the current one")
            #expect(try await referee.report(RawReferee.draw(second))?.status == .accepted)
            let stats = try await client.statistics()
            await client.close()
            await referee.close()
            #expect(stats.duplicateResults == 1)
            #expect(stats.errors[.resultRejected] == 2)
            #expect(stats.staleResults == 2)
            let log = cluster.managerLog()
            #expect(log.contains("\"message\":\"duplicate result\""))
            #expect(log.contains("\"code\":\"E108\""))
            _ = league
        }
    }

    /// Runs `body` with `cluster` and tears the cluster down afterwards, whether `body` threw or not.
    static func with<T>(_ cluster: @autoclosure () async throws -> TestCluster, _ body: (TestCluster) async throws -> T) async throws -> T {
        let cluster = try await cluster()
        do {
            let value = try await body(cluster)
            await cluster.tearDown()
            return value
        } catch {
            await cluster.tearDown()
            throw error
        }
    }

    /// The league by player name, for comparing runs whose ids differ.
    static func byName(_ report: LeagueReport) -> [String] {
        let names = Dictionary(uniqueKeysWithValues: report.standings.map { ($0.playerID, $0.name) })
        let matches = report.matches.map { match in
            "\(match.matchID) \(names[match.playerA] ?? "?")-\(names[match.playerB] ?? "?") \(match.result?.rawValue ?? "-") \(match.winner.flatMap { names[$0] } ?? "-") \(match.drawnNumber ?? 0)"
        }
        let table = report.standings.map { "\($0.rank) \($0.name) \($0.played) \($0.wins) \($0.draws) \($0.losses) \($0.points)" }
        return matches + table
    }
}
