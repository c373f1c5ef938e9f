import Hummingbird
import LeagueOperator
import LeagueProtocol

/// `/api/matches/{id}`, `/api/agents` and `/api/events`.
enum LiveRoutes {
    static func add(to router: Router<BasicRequestContext>, access: ManagerAccess, streams: EventStreams) {
        router.get("/api/matches/{id}") { request, context in
            guard let matchID = context.parameters.get("id"), !matchID.isEmpty else {
                throw APIError(.badRequest, code: "invalid_path", "missing match id")
            }
            let leagues = access.box.state.leagues
            let leagueID: String
            if let requested = request.uri.queryParameters.get("league") {
                guard leagues.contains(where: { $0.leagueID == requested }) else { throw APIError.leagueNotFound(requested) }
                leagueID = requested
            } else {
                // Match ids repeat across leagues (R1M1 …): the newest league that has the match.
                guard let newest = leagues.last(where: { league in league.matches.contains { $0.matchID == matchID } }) else {
                    throw APIError.matchNotFound(matchID)
                }
                leagueID = newest.leagueID
            }
            do {
                return JSONResponse.make(try await access.client.transcript(of: matchID, league: leagueID))
            } catch let error as LeagueClientError {
                throw APIError.from(error, matchID: matchID)
            }
        }
        router.get("/api/agents") { _, _ in
            JSONResponse.make(AgentList(access.box.state, now: MonotonicTime.now()))
        }
        router.get("/api/events") { request, _ in
            let league: String? = request.uri.queryParameters.get("league")
            return Response(
                status: .ok,
                headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                body: ResponseBody(asyncSequence: streams.stream(league: league)))
        }
    }
}
