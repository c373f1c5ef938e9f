import LeagueProtocol

extension ManagerCore {
    func registerReferee(_ wire: WireMessage, from identity: [UInt8]) throws(ProtocolError) {
        let message = try codec.decode(RefereeRegisterRequest.self, from: wire.body)
        let meta = message.body.refereeMeta
        let conversation = message.envelope.conversationID
        guard (1...10_000).contains(meta.maxConcurrentMatches) else {
            throw ProtocolError(.invalidFieldValue, "max_concurrent_matches must be 1…10000")
        }
        guard Self.isValidName(meta.displayName) else {
            throw ProtocolError(.invalidFieldValue, "display_name must be 1–64 printable characters")
        }
        guard meta.gameTypes.contains(evenOddGameType) else {
            send(
                RefereeRegisterResponse(status: .rejected, refereeID: nil, reason: "this league plays even_odd only", authToken: nil),
                to: identity, conversationID: conversation)
            return
        }
        let agent = registry.register(role: .referee, name: meta.displayName, identity: identity, capacity: meta.maxConcurrentMatches)
        stats.refereesRegistered += 1
        logger.info(
            "referee registered",
            metadata: ["agent": "\(agent.id)", "name": "\(meta.displayName)", "capacity": "\(meta.maxConcurrentMatches)"])
        send(
            RefereeRegisterResponse(status: .accepted, refereeID: agent.id, authToken: String(decoding: agent.token, as: UTF8.self)),
            to: identity, conversationID: conversation)
        dispatch()
    }

    func registerPlayer(_ wire: WireMessage, from identity: [UInt8]) throws(ProtocolError) {
        let message = try codec.decode(LeagueRegisterRequest.self, from: wire.body)
        let meta = message.body.playerMeta
        let conversation = message.envelope.conversationID
        if let version = meta.protocolVersion, !ProtocolVersion.isSupported(version) {
            throw ProtocolError(.protocolVersionMismatch, "protocol_version \(version.prefix(16)) is older than \(ProtocolVersion.minimum)")
        }
        guard Self.isValidName(meta.displayName) else {
            throw ProtocolError(.invalidFieldValue, "display_name must be 1–64 printable characters")
        }
        guard meta.gameTypes.contains(evenOddGameType) else {
            send(
                LeagueRegisterResponse(status: .rejected, playerID: nil, reason: "this league plays even_odd only", authToken: nil),
                to: identity, conversationID: conversation)
            return
        }
        let agent = registry.register(role: .player, name: meta.displayName, identity: identity)
        stats.playersRegistered += 1
        logger.info("player registered", metadata: ["agent": "\(agent.id)", "name": "\(meta.displayName)"])
        send(
            LeagueRegisterResponse(status: .accepted, playerID: agent.id, authToken: String(decoding: agent.token, as: UTF8.self)),
            to: identity, conversationID: conversation)
        startWaitingLeagues()
        dispatch()
    }

    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 64 && name.unicodeScalars.allSatisfy { !$0.properties.isWhitespace || $0 == " " }
            && !name.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }
}
