import LeagueProtocol
import LeagueStore

extension ManagerCore {
    func registerReferee(_ wire: WireMessage, from identity: [UInt8], now: UInt64) throws(ProtocolError) {
        let message = try codec.decode(RefereeRegisterRequest.self, from: wire.body)
        let meta = message.body.refereeMeta
        let conversation = message.envelope.conversationID
        guard (1...10_000).contains(meta.maxConcurrentMatches) else {
            throw ProtocolError(.invalidFieldValue, "max_concurrent_matches must be 1…10000")
        }
        guard Self.isValidName(meta.displayName) else {
            throw ProtocolError(.invalidFieldValue, "display_name must be 1–64 printable characters")
        }
        if let refusal = refusal(
            role: .referee, name: meta.displayName, gameTypes: meta.gameTypes, wire: wire, identity: identity, now: now)
        {
            send(
                RefereeRegisterResponse(status: .rejected, refereeID: nil, reason: refusal, authToken: nil), to: identity,
                conversationID: conversation)
            return
        }
        let (agent, returning) = registry.register(
            role: .referee, name: meta.displayName, identity: identity, games: Set(meta.gameTypes.map { GameType($0) }),
            capacity: meta.maxConcurrentMatches, now: now)
        save(agent)
        if returning {
            stats.reconnects += 1
            // It lost whatever it was running, except the results it still holds.
            let held = Set(
                (message.body.heldLeases ?? []).map {
                    LeaseKey(league: LeagueID($0.leagueID), match: MatchID($0.matchID), lease: $0.leaseID)
                })
            revokeLeases(of: agent.id, keeping: held, reason: "referee registered again", now: now)
        }
        stats.refereesRegistered += 1
        events?.publish(
            LeagueEvent(kind: .agentJoined, agentID: agent.id.rawValue, role: AgentRole.referee.rawValue, detail: agent.displayName))
        logger.info(
            "referee registered",
            metadata: [
                "agent": "\(agent.id)", "name": "\(meta.displayName)", "capacity": "\(meta.maxConcurrentMatches)",
                "returning": "\(returning)",
            ])
        send(
            RefereeRegisterResponse(
                status: .accepted, refereeID: agent.id.rawValue, authToken: String(decoding: agent.token, as: UTF8.self)),
            to: identity, conversationID: conversation)
        dispatch(now: now)
    }

    func registerPlayer(_ wire: WireMessage, from identity: [UInt8], now: UInt64) throws(ProtocolError) {
        let message = try codec.decode(LeagueRegisterRequest.self, from: wire.body)
        let meta = message.body.playerMeta
        let conversation = message.envelope.conversationID
        if let version = meta.protocolVersion, !ProtocolVersion.isSupported(version) {
            throw ProtocolError(.protocolVersionMismatch, "protocol_version \(version.prefix(16)) is older than \(ProtocolVersion.minimum)")
        }
        guard Self.isValidName(meta.displayName) else {
            throw ProtocolError(.invalidFieldValue, "display_name must be 1–64 printable characters")
        }
        if let refusal = refusal(role: .player, name: meta.displayName, gameTypes: meta.gameTypes, wire: wire, identity: identity, now: now)
        {
            send(
                LeagueRegisterResponse(status: .rejected, playerID: nil, reason: refusal, authToken: nil), to: identity,
                conversationID: conversation)
            return
        }
        let (agent, returning) = registry.register(
            role: .player, name: meta.displayName, identity: identity, games: Set(meta.gameTypes.map { GameType($0) }), now: now)
        save(agent)
        if returning { stats.reconnects += 1 }
        stats.playersRegistered += 1
        events?.publish(
            LeagueEvent(kind: .agentJoined, agentID: agent.id.rawValue, role: AgentRole.player.rawValue, detail: agent.displayName))
        logger.info("player registered", metadata: ["agent": "\(agent.id)", "name": "\(meta.displayName)", "returning": "\(returning)"])
        send(
            LeagueRegisterResponse(status: .accepted, playerID: agent.id.rawValue, authToken: String(decoding: agent.token, as: UTF8.self)),
            to: identity, conversationID: conversation)
        startWaitingLeagues(now: now)
        dispatch(now: now)
    }

    /// Why a registration is refused, if it is: no well-formed game declared, or a name that a live agent on
    /// another connection is using (taking it over needs that agent's token in the token frame).
    private func refusal(role: AgentRegistry.Role, name: String, gameTypes: [String], wire: WireMessage, identity: [UInt8], now: UInt64)
        -> String?
    {
        guard !gameTypes.isEmpty, gameTypes.count <= 32, gameTypes.allSatisfy({ GameType($0).isWellFormed }) else {
            return "game_types must name 1–32 games, each 1–32 characters of a-z, 0-9, _ and -"
        }
        guard let existing = registry.agent(role: role, named: name) else { return nil }
        let alive = existing.isReachable && now &- existing.lastSeen < policy.deadAfter
        if alive && existing.identity != identity && wire.token != existing.token {
            return "the name \(name) is in use by a connected \(role.rawValue); register again with its token, or after it is gone"
        }
        return nil
    }

    /// Stores an agent. A failure is counted and logged but does not undo the registration: the agent is
    /// stored again when it next registers, and results (which are what must not be lost) are stored on
    /// their own.
    private func save(_ agent: AgentRegistry.Agent) {
        do {
            try store.save(
                agent: StoredAgent(
                    role: agent.role, id: agent.id.rawValue, name: agent.displayName, capacity: agent.capacity, games: agent.games.sorted())
            )
        } catch {
            stats.storeFailures += 1
            logger.error("could not store an agent", metadata: ["agent": "\(agent.id)", "error": "\(error)"])
        }
    }

    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 64 && name.unicodeScalars.allSatisfy { !$0.properties.isWhitespace || $0 == " " }
            && !name.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }

    /// AGENT_LEAVING: a referee's unfinished leases go elsewhere at once; a player's grace period starts.
    func agentLeaving(_ wire: WireMessage, from identity: [UInt8], now: UInt64) throws(ProtocolError) {
        let agent = try authenticate(wire, from: identity, now: now)
        let reason = (try? codec.decode(AgentLeaving.self, from: wire.body).body.reason) ?? "leaving"
        logger.info("agent leaving", metadata: ["agent": "\(agent.id)", "reason": "\(reason.prefix(200))"])
        registry[agent.id]?.connected = false
        registry[agent.id]?.disconnectedAt = now
        events?.publish(
            LeagueEvent(kind: .agentLeft, agentID: agent.id.rawValue, role: agent.role.rawValue, detail: String(reason.prefix(200))))
        if agent.role == .referee {
            registry[agent.id]?.accepting = false
            revokeLeases(of: agent.id, keeping: [], reason: "referee left", now: now)
        }
        dispatch(now: now)
    }
}
