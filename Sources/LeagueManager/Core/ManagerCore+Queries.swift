import LeagueProtocol

extension ManagerCore {
    func answerQuery(_ wire: WireMessage, from identity: [UInt8], now: UInt64) throws(ProtocolError) {
        let asker = try authenticateIfAgent(wire, from: identity, now: now)
        let message = try codec.decode(LeagueQuery.self, from: wire.body)
        let query = message.body
        let conversation = message.envelope.conversationID
        if query.queryType == .stats {
            reply(query.queryType, stats, to: identity, conversation)
            return
        }
        let requested = query.queryParams?.leagueID
        let playerID = query.queryParams?.playerID ?? asker?.id.rawValue
        guard
            let league = requested.flatMap({ leagueIndex[LeagueID($0)] }).map({ leagues[$0] })
                ?? (requested == nil ? latestLeague(for: playerID.map { AgentID($0) }) : nil)
        else {
            let reason = requested.map { "E106 LEAGUE_NOT_FOUND: no league \($0.prefix(40))" } ?? "E106 LEAGUE_NOT_FOUND: no league yet"
            send(
                LeagueQueryResponse<QueryData.Standings>(queryType: query.queryType, success: false, data: nil, error: reason),
                to: identity, conversationID: conversation)
            return
        }
        switch query.queryType {
        case .standings:
            let data = QueryData.Standings(
                leagueID: league.id.rawValue, roundsCompleted: league.completed, standings: league.standings.rows())
            reply(query.queryType, data, to: identity, conversation)
        case .schedule:
            let rounds = league.roundMatches.enumerated().map { number, indices in
                QueryData.Schedule.Round(
                    roundID: number + 1,
                    matches: indices.map { index in
                        let match = league.matches[index]
                        return ScheduledMatch(
                            matchID: match.id.rawValue, gameType: league.spec.game.rawValue, playerAID: match.playerA.rawValue,
                            playerBID: match.playerB.rawValue)
                    })
            }
            reply(query.queryType, QueryData.Schedule(leagueID: league.id.rawValue, rounds: rounds), to: identity, conversation)
        case .nextMatch:
            guard let playerID else { throw ProtocolError(.missingRequiredField, "missing field query_params.player_id") }
            let player = AgentID(playerID)
            let next = league.matches.first { match in match.status != .finished && match.players.contains(player) }
            let data = next.map { match in
                QueryData.NextMatch(
                    leagueID: league.id.rawValue, roundID: match.round, matchID: match.id.rawValue,
                    opponentID: (match.playerA == player ? match.playerB : match.playerA).rawValue, status: match.status.reported)
            }
            reply(query.queryType, data, to: identity, conversation)
        case .playerStats:
            guard let playerID else { throw ProtocolError(.missingRequiredField, "missing field query_params.player_id") }
            guard let row = league.standings.rows().first(where: { $0.playerID == playerID }) else {
                throw ProtocolError(.playerNotRegistered, "\(playerID.prefix(20)) does not play in \(league.id)")
            }
            reply(query.queryType, row, to: identity, conversation)
        case .league:
            reply(
                query.queryType, league.report(waitingReason: league.status == .waiting ? waitingReason(of: league) : nil), to: identity,
                conversation)
        case .match:
            guard let matchID = query.queryParams?.matchID else {
                throw ProtocolError(.missingRequiredField, "missing field query_params.match_id")
            }
            guard let index = league.matchIndex(of: matchID) else {
                throw ProtocolError(.matchNotFound, "no match \(matchID.prefix(20)) in \(league.id)")
            }
            if league.matches[index].status == .finished {
                do {
                    reply(
                        query.queryType, try store.transcript(leagueID: league.id.rawValue, matchID: matchID), to: identity, conversation)
                } catch {
                    throw ProtocolError(.storageError, "could not read the transcript: \(error.reason.prefix(100))")
                }
            } else {
                reply(query.queryType, league.liveTranscript(index), to: identity, conversation)
            }
        case .stats:
            reply(query.queryType, stats, to: identity, conversation)
        }
    }

    private func reply<Data: Codable & Sendable & Hashable>(_ type: QueryType, _ data: Data?, to identity: [UInt8], _ conversation: String)
    {
        send(LeagueQueryResponse(queryType: type, success: true, data: data), to: identity, conversationID: conversation)
    }

    /// The newest league the player is in, or the newest league of all.
    private func latestLeague(for playerID: AgentID?) -> LeagueEngine? {
        if let playerID, let league = leagues.last(where: { $0.players.contains(playerID) }) { return league }
        return leagues.last
    }
}
