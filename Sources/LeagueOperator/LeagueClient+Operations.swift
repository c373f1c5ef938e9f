import LeagueProtocol

extension LeagueClient {
    /// Asks for a league of `players` players; it starts once that many registered players are free.
    public func startLeague(players: Int, seed: UInt64? = nil) async throws -> StartLeagueResponse {
        let response = try await request(StartLeague(playerCount: players, seed: seed), expecting: StartLeagueResponse.self).body
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

    /// Waits for LEAGUE_COMPLETED of `leagueID`, calling `progress` with each ROUND_COMPLETED on the way.
    public func waitForCompletion(of leagueID: String, progress: (RoundCompleted) -> Void = { _ in }) async throws {
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
}
