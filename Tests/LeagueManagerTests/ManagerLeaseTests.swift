import LeagueManager
import LeagueProtocol
import LeagueStore
import LeagueTestSupport
import Testing

/// Leases: assignments resent with backoff until acknowledged, taken back after the last resend, a
/// circuit breaker per referee, and leases revoked when a referee dies or comes back empty-handed.
@Suite("Leases")
struct ManagerLeaseTests {
    /// Heartbeats an hour apart (nobody dies unless a test says so); assignments resent from 0.5 s.
    static let policy = ManagerPolicy(
        heartbeatMilliseconds: 3_600_000, assignmentRetryMilliseconds: 500, assignmentRetries: 3, breakerThreshold: 2,
        breakerCooldownMilliseconds: 60_000)

    static func league(players: Int = 2, policy: ManagerPolicy = Self.policy) throws -> ManagerHarness {
        let harness = try ManagerHarness(policy: policy)
        _ = harness.registerReferee("silent", capacity: 1)
        for index in 0..<players { _ = harness.registerPlayer("p\(index)") }
        harness.deliver("op", harness.message(StartLeague(playerCount: players, seed: 1)))
        return harness
    }

    @Test("an unacknowledged MATCH_ASSIGNMENT is resent after 0.5, 1 and 2 s, taken back 4 s after the last resend, and leased again")
    func resendThenRevoke() throws {
        let harness = try Self.league()
        #expect(harness.received(MatchAssignment.self, by: "silent").count == 1)
        var times: [UInt64] = []
        var now = harness.now
        for _ in 0..<790 {  // 7.9 s in 10 ms steps
            now += 10_000_000
            let before = harness.received(MatchAssignment.self, by: "silent").count
            harness.core.tick(now: now)
            if harness.received(MatchAssignment.self, by: "silent").count > before { times.append(now - harness.now) }
        }
        #expect(times.map { $0 / 100_000_000 } == [5, 15, 35, 75], "resends at 0.5, 1.5, 3.5 s; revoked at 7.5 s and leased again at once")
        #expect(harness.core.stats.retries == 3)
        #expect(harness.core.stats.leasesRevoked == 1)
        let leases = harness.received(MatchAssignment.self, by: "silent").map(\.leaseID)
        #expect(leases.first == 1 && leases.last == 2, "the replay runs under a new lease")
    }

    @Test("an acknowledged assignment is not resent")
    func acknowledged() throws {
        let harness = try ManagerHarness(policy: Self.policy)
        let token = harness.registerReferee("silent", capacity: 1).token
        for index in 0..<2 { _ = harness.registerPlayer("p\(index)") }
        harness.deliver("op", harness.message(StartLeague(playerCount: 2, seed: 1)))
        let assignment = try #require(harness.received(MatchAssignment.self, by: "silent").first)
        harness.deliver(
            "silent",
            harness.message(
                MatchAssignmentAck(leagueID: assignment.leagueID, matchID: assignment.matchID, leaseID: assignment.leaseID, accepted: true),
                token: token))
        for step in 1...100 { harness.core.tick(now: harness.now + UInt64(step) * 100_000_000) }  // 10 s
        #expect(harness.core.stats.retries == 0)
        #expect(harness.core.stats.leasesRevoked == 0)
        #expect(harness.received(MatchAssignment.self, by: "silent").count == 1)
    }

    @Test("consecutive failures open the referee's breaker: no lease during the cooldown, then one trial")
    func breaker() throws {
        let harness = try Self.league(players: 4)
        var now = harness.now
        func advance(seconds: Double) {
            let end = now + UInt64(seconds * 1e9)
            while now < end {
                now += 50_000_000
                harness.core.tick(now: now)
            }
        }
        advance(seconds: 7)
        #expect(harness.core.stats.breakerOpenings == 0, "one failure is not enough")
        advance(seconds: 9)  // the second lease fails at 15 s: two consecutive failures
        #expect(harness.core.stats.breakerOpenings == 1)
        #expect(harness.core.stats.leasesRevoked == 2)
        let leasedWhileOpen = harness.received(MatchAssignment.self, by: "silent").count
        advance(seconds: 30)
        #expect(harness.received(MatchAssignment.self, by: "silent").count == leasedWhileOpen, "nothing sent while the breaker is open")
        advance(seconds: 31)
        #expect(harness.received(MatchAssignment.self, by: "silent").count > leasedWhileOpen, "a trial lease after the cooldown")
    }

    @Test("a referee that registers again loses its leases except those it still holds a result for")
    func heldLeases() throws {
        let harness = try Self.league(players: 4)
        let assignment = try #require(harness.received(MatchAssignment.self, by: "silent").first)
        let held = HeldLease(leagueID: assignment.leagueID, matchID: assignment.matchID, leaseID: assignment.leaseID)
        let request = RefereeRegisterRequest(
            refereeMeta: .init(displayName: "silent", version: "1", gameTypes: ["even_odd"], maxConcurrentMatches: 1), heldLeases: [held])
        harness.deliver("silent", harness.message(request))
        #expect(harness.core.stats.leasesRevoked == 0, "the held lease stays")
        harness.deliver("silent", harness.message(RefereeRegisterRequest(refereeMeta: request.refereeMeta)))
        #expect(harness.core.stats.leasesRevoked == 1, "without it, the lease is taken back")
    }
}
