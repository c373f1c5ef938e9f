import LeagueProtocol

extension ManagerCore {
    /// The next time ``tick(now:)`` has work: a heartbeat round or an assignment to resend.
    public var nextDeadline: UInt64 {
        var next = nextHeartbeat
        for ref in unacknowledged { next = min(next, leagues[ref.league].matches[ref.match].nextRetry) }
        return next
    }

    /// Sends heartbeats, declares silent agents dead, resends unacknowledged assignments and forfeits the
    /// matches of players gone past the grace period.
    public func tick(now: UInt64) {
        if now >= nextHeartbeat {
            nextHeartbeat = now + policy.heartbeat
            let beat = encode(Heartbeat(intervalMilliseconds: policy.heartbeatMilliseconds), conversationID: "heartbeat")
            for (id, agent) in registry.agents where agent.connected {
                if now &- agent.lastSeen > policy.deadAfter {
                    declareDead(id, now: now)
                } else if !agent.identity.isEmpty {
                    send(encoded: beat, type: .heartbeat, to: agent.identity)
                }
            }
        }
        for index in unstoredLeagues { storeSchedule(of: index, from: leagues[index].storedCount) }
        for ref in unacknowledged where leagues[ref.league].matches[ref.match].nextRetry <= now {
            if leagues[ref.league].matches[ref.match].attempts <= policy.assignmentRetries {
                sendAssignment(ref, now: now)
            } else {
                assignmentFailed(ref, now: now)
            }
        }
        dispatch(now: now)
    }

    /// An agent missed `liveness` heartbeats: a referee's leases are replayed elsewhere; a player's grace
    /// period starts (its match in progress is decided by the referee's deadlines).
    private func declareDead(_ id: AgentID, now: UInt64) {
        guard let agent = registry[id] else { return }
        registry[id]?.connected = false
        registry[id]?.disconnectedAt = now
        stats.heartbeatMisses[agent.role.rawValue, default: 0] += 1
        events?.publish(LeagueEvent(kind: .agentLeft, agentID: id.rawValue, role: agent.role.rawValue, detail: "missed its heartbeats"))
        logger.warning("agent missed its heartbeats", metadata: ["agent": "\(id)", "role": "\(agent.role.rawValue)"])
        if agent.role == .referee { revokeLeases(of: id, keeping: [], reason: "referee missed its heartbeats", now: now) }
    }

    /// No MATCH_ASSIGNMENT_ACK after every resend: the referee's breaker counts a failure and the lease is
    /// taken back.
    private func assignmentFailed(_ ref: MatchRef, now: UInt64) {
        guard let refereeID = leagues[ref.league].matches[ref.match].status.referee else { return }
        let cooldown = UInt64(max(0, policy.breakerCooldownMilliseconds)) * 1_000_000
        if registry[refereeID]?.breaker.failed(now, threshold: policy.breakerThreshold, cooldown: cooldown) == true {
            stats.breakerOpenings += 1
            logger.warning("circuit breaker opened", metadata: ["agent": "\(refereeID)"])
        }
        revoke(ref, reason: "no MATCH_ASSIGNMENT_ACK", now: now)
    }

    /// Takes back every running lease of a referee except those in `keeping`.
    func revokeLeases(of refereeID: AgentID, keeping: Set<LeaseKey>, reason: String, now: UInt64) {
        for leagueIdx in leagues.indices where leagues[leagueIdx].status == .running {
            let league = leagues[leagueIdx]
            for matchIdx in league.matches.indices where league.matches[matchIdx].status == .running(referee: refereeID) {
                let match = league.matches[matchIdx]
                guard !keeping.contains(LeaseKey(league: league.id, match: match.id, lease: match.lease)) else { continue }
                revoke(MatchRef(league: leagueIdx, match: matchIdx), reason: reason, now: now)
            }
        }
    }

    /// Takes back one lease: the match waits to be leased again and will be replayed from the start.
    func revoke(_ ref: MatchRef, reason: String, now: UInt64) {
        let league = leagues[ref.league]
        let match = league.matches[ref.match]
        guard let refereeID = match.status.referee else { return }
        league.requeue(ref.match)
        unacknowledged.remove(ref)
        if let leased = registry[refereeID]?.leased, leased > 0 { registry[refereeID]?.leased = leased - 1 }
        for player in match.players where registry[player]?.activeMatch?.match == ref {
            registry[player]?.activeMatch = nil
        }
        stats.leasesRevoked += 1
        do {
            try store.updateLease(leagueID: league.id.rawValue, matchID: match.id.rawValue, leaseID: match.lease, refereeID: nil)
        } catch {
            stats.storeFailures += 1
            logger.error("could not store a revoked lease", metadata: ["match": "\(match.id)", "error": "\(error)"])
        }
        logger.warning(
            "lease revoked",
            metadata: [
                "league": "\(league.id)", "match": "\(match.id)", "agent": "\(refereeID)", "lease": "\(match.lease)",
                "reason": "\(reason)",
            ])
    }
}
