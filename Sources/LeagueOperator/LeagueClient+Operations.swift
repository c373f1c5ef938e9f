import LeagueProtocol

extension LeagueClient {
    /// Asks for a league of `players` players; it starts once that many registered players are free.
    ///
    /// - Parameters:
    ///   - game: the game every match plays (the manager accepts any well-formed name and waits for agents
    ///     that play it).
    ///   - format: how players are paired; `rounds` is required for Swiss and refused otherwise;
    ///     `gauntletPlayer` (a display name) only for a gauntlet.
    ///   - gameOptions: passed to the referees untouched, e.g. `["best_of": 5]`.
    /// - Throws: ``LeagueSettingsError`` for settings that cannot be asked (before anything is sent),
    ///   ``LeagueClientError`` when the manager refuses or does not answer.
    public func startLeague(
        players: Int, seed: UInt64? = nil, game: GameType = .evenOdd, format: LeagueFormat = .roundRobin, rounds: Int? = nil,
        gauntletPlayer: String? = nil, gameOptions: GameOptions = [:], timeout: Duration = .seconds(10)
    ) async throws -> StartLeagueResponse {
        let settings = LeagueSettings(game: game, format: format, rounds: rounds, gauntletPlayer: gauntletPlayer, gameOptions: gameOptions)
        return try await startLeague(players: players, seed: seed, settings: settings, timeout: timeout)
    }

    /// Asks for a league of `players` players with `settings`; see ``startLeague(players:seed:game:format:rounds:gauntletPlayer:gameOptions:timeout:)``.
    public func startLeague(
        players: Int, seed: UInt64? = nil, settings: LeagueSettings, timeout: Duration = .seconds(10)
    ) async throws -> StartLeagueResponse {
        try settings.validate()
        let response = try await request(
            settings.startLeague(players: players, seed: seed), expecting: StartLeagueResponse.self, timeout: timeout
        ).body
        guard response.status == .accepted, response.leagueID != nil else {
            throw LeagueClientError.refused(response.reason ?? "no reason given")
        }
        return response
    }

    /// The whole league report (GET_LEAGUE); the newest league when `leagueID` is nil.
    public func league(_ leagueID: String? = nil) async throws -> LeagueReport {
        try await query(.league, leagueID: leagueID, as: LeagueReport.self)
    }

    /// The current table (GET_STANDINGS); the newest league when `leagueID` is nil.
    public func standings(_ leagueID: String? = nil) async throws -> QueryData.Standings {
        try await query(.standings, leagueID: leagueID, as: QueryData.Standings.self)
    }

    private func query<Data: Codable & Sendable & Hashable>(_ type: QueryType, leagueID: String?, as: Data.Type) async throws -> Data {
        let response = try await request(
            LeagueQuery(queryType: type, queryParams: .init(leagueID: leagueID)), expecting: LeagueQueryResponse<Data>.self
        ).body
        guard response.success, let data = response.data else {
            throw LeagueClientError.refused(response.error ?? "the query failed")
        }
        return data
    }

    /// One match's transcript (GET_MATCH).
    public func transcript(of matchID: String, league leagueID: String? = nil) async throws -> MatchTranscript {
        let response = try await request(
            LeagueQuery(queryType: .match, queryParams: .init(leagueID: leagueID, matchID: matchID)),
            expecting: LeagueQueryResponse<MatchTranscript>.self
        ).body
        guard response.success, let data = response.data else { throw LeagueClientError.refused(response.error ?? "no such match") }
        return data
    }

    /// The manager's counters (GET_STATS).
    public func statistics() async throws -> ManagerStats {
        let response = try await request(LeagueQuery(queryType: .stats), expecting: LeagueQueryResponse<ManagerStats>.self).body
        guard response.success, let data = response.data else { throw LeagueClientError.refused(response.error ?? "no statistics") }
        return data
    }

    /// Waits until `leagueID` has completed, calling `progress` with each ROUND_COMPLETED on the way.
    ///
    /// Notices are the fast path; a GET_LEAGUE every `pollInterval` is the safety net, so the wait also ends
    /// when the manager was restarted meanwhile (a new manager does not know this client as a watcher).
    public func waitForCompletion(
        of leagueID: String, pollInterval: Duration = .seconds(1), progress: @escaping @Sendable (RoundCompleted) -> Void = { _ in }
    ) async throws {
        let notices = self.notices
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                let codec = MessageCodec()
                for await notice in notices {
                    switch notice.type {
                    case .roundCompleted:
                        if let round = try? codec.decode(RoundCompleted.self, from: notice.body).body, round.leagueID == leagueID {
                            progress(round)
                        }
                    case .leagueCompleted:
                        if let done = try? codec.decode(LeagueCompleted.self, from: notice.body).body, done.leagueID == leagueID { return }
                    default:
                        continue
                    }
                }
                throw LeagueClientError.closed
            }
            group.addTask {
                while true {
                    try await Task.sleep(for: pollInterval)
                    if let report = try? await self.league(leagueID), report.status == .completed { return }
                }
            }
            _ = try await group.next()
            group.cancelAll()
        }
    }
}
