import Foundation
import Hummingbird
import LeagueOperator
import LeagueProtocol

/// `/api/leagues` and what is below it.
enum LeagueRoutes {
    /// Largest request body accepted.
    static let maxBody = 16 * 1024

    static func add(to router: Router<BasicRequestContext>, access: ManagerAccess) {
        router.get("/api/leagues") { _, _ in
            JSONResponse.make(LeagueList(leagues: access.box.state.leagues.map(LeagueSummary.init)))
        }
        router.post("/api/leagues") { request, _ in
            try await create(request, access: access)
        }
        router.get("/api/leagues/{id}") { _, context in
            JSONResponse.make(try access.league(try leagueID(context)))
        }
        router.get("/api/leagues/{id}/bracket") { _, context in
            let report = try access.league(try leagueID(context))
            guard let bracket = KnockoutBracket(report) else {
                throw APIError(
                    .conflict, code: "not_knockout",
                    "\(report.leagueID) plays \((report.format ?? .roundRobin).rawValue): only a knockout league has a bracket")
            }
            return JSONResponse.make(bracket)
        }
        router.get("/api/leagues/{id}/standings") { _, context in
            JSONResponse.make(StandingsView(try access.league(try leagueID(context))))
        }
        router.get("/api/leagues/{id}/matches") { request, context in
            let report = try access.league(try leagueID(context))
            let status = request.uri.queryParameters.get("status")
            if let status, !["pending", "running", "finished"].contains(status) {
                throw APIError(.badRequest, code: "invalid_query", "status must be pending, running or finished")
            }
            var round: Int?
            if let text = request.uri.queryParameters.get("round") {
                guard let value = Int(text), value >= 1 else {
                    throw APIError(.badRequest, code: "invalid_query", "round must be a positive integer")
                }
                round = value
            }
            return JSONResponse.make(MatchesView(report, status: status, round: round))
        }
    }

    static func leagueID(_ context: BasicRequestContext) throws(APIError) -> String {
        guard let id = context.parameters.get("id"), !id.isEmpty else {
            throw APIError(.badRequest, code: "invalid_path", "missing league id")
        }
        return id
    }

    /// `POST /api/leagues`: START_LEAGUE through the operator connection.
    static func create(_ request: Request, access: ManagerAccess) async throws -> Response {
        if let token = access.operatorToken, !Self.constantTimeEqual(request.headers[.authorization] ?? "", "Bearer \(token)") {
            throw APIError(
                .unauthorized, code: "unauthorized", "this manager requires its operator token: Authorization: Bearer TOKEN",
                headers: [.wwwAuthenticate: "Bearer"])
        }
        if let type = request.headers[.contentType], !type.lowercased().hasPrefix("application/json") {
            throw APIError(.unsupportedMediaType, code: "unsupported_media_type", "send the body as application/json")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maxBody)
        } catch {
            throw APIError(.contentTooLarge, code: "body_too_large", "the body may have at most \(maxBody) bytes")
        }
        let body = try CreateLeagueRequest.parse(Data(buffer.readableBytesView))
        let answer: StartLeagueResponse
        do {
            answer = try await access.client.request(
                body.settings.startLeague(players: body.players, seed: body.options.seed), expecting: StartLeagueResponse.self,
                timeout: access.requestTimeout
            ).body
        } catch let error as LeagueClientError {
            throw APIError.from(error)
        }
        guard answer.status == .accepted, let leagueID = answer.leagueID else {
            throw APIError(.conflict, code: "league_refused", answer.reason ?? "the manager declined the league")
        }
        let created = CreatedLeague(
            leagueID: leagueID, status: (try? access.league(leagueID).status) ?? .waiting, game: body.game, format: body.format,
            players: answer.playerCount, seed: answer.seed)
        var response = JSONResponse.make(created, status: .created)
        response.headers[.location] = "/api/leagues/\(leagueID)"
        return response
    }

    /// Compares without stopping at the first difference, so timing does not reveal the token.
    static func constantTimeEqual(_ given: String, _ expected: String) -> Bool {
        let a = Array(given.utf8)
        let b = Array(expected.utf8)
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for index in 0..<max(a.count, b.count) {
            difference |= (index < a.count ? a[index] : 0) ^ (index < b.count ? b[index] : 0)
        }
        return difference == 0
    }
}
