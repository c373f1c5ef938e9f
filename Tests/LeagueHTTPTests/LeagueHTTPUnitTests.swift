import CoreMetrics
import Foundation
import Testing

@testable import LeagueHTTP

@Suite("LeagueHTTP units")
struct LeagueHTTPUnitTests {
    @Test(
        "--http addresses",
        arguments: [
            ("127.0.0.1:8080", "127.0.0.1", 8080), ("0.0.0.0:0", "0.0.0.0", 0), ("[::1]:9000", "::1", 9000),
            ("localhost:80", "localhost", 80),
        ])
    func addresses(text: String, host: String, port: Int) throws {
        let address = try #require(try HTTPAddress.parse(text))
        #expect(address.host == host && address.port == port)
        #expect(try HTTPAddress.parse(address.description) == address)
    }

    @Test("off and malformed --http values")
    func offAndMalformed() throws {
        #expect(try HTTPAddress.parse("off") == nil)
        #expect(try HTTPAddress.parse("OFF") == nil)
        for bad in ["8080", ":8080", "host:", "host:port", "[::1", "[::1]8080", "::1:8080", "host:65536", "host:-1"] {
            #expect(throws: HTTPAddressError.self, "\(bad)") { try HTTPAddress.parse(bad) }
        }
    }

    @Test("POST /api/leagues bodies")
    func createBodies() throws {
        let full = try CreateLeagueRequest.parse(Data(#"{"game":"even_odd","players":6,"options":{"seed":9}}"#.utf8))
        #expect(full == CreateLeagueRequest(game: "even_odd", players: 6, options: .init(seed: 9)))
        #expect(try CreateLeagueRequest.parse(Data(#"{"players":2}"#.utf8)) == CreateLeagueRequest(players: 2))
        let cases: [(String, Int)] = [
            ("", 400), ("nope", 400), ("[]", 400), (#"{"players":"2"}"#, 400), (#"{"players":2.5}"#, 400), (#"{"options":{}}"#, 400),
            (#"{"players":2,"options":{"seed":-1}}"#, 400), (#"{"players":1}"#, 422), (#"{"players":2,"game":"Go!"}"#, 422),
            (#"{"players":2,"extra":1}"#, 422), (#"{"players":2,"options":{"x":1}}"#, 422),
        ]
        for (body, status) in cases {
            do {
                _ = try CreateLeagueRequest.parse(Data(body.utf8))
                Issue.record("\(body) was accepted")
            } catch {
                #expect(Int(error.status.code) == status, "\(body): \(error)")
            }
        }
    }

    @Test("POST /api/leagues bodies with a game, a format and its parameters")
    func createBodiesWithFormats() throws {
        let knockout = try CreateLeagueRequest.parse(
            Data(#"{"game":"rps","players":8,"format":"knockout","game_options":{"best_of":5},"options":{"seed":3}}"#.utf8))
        #expect(
            knockout
                == CreateLeagueRequest(game: "rps", players: 8, options: .init(seed: 3), format: .knockout, gameOptions: ["best_of": 5]))
        let start = knockout.settings.startLeague(players: 8, seed: 3)
        #expect(start.gameType == "rps" && start.format == .knockout && start.gameOptions == ["best_of": 5] && start.rounds == nil)
        let swiss = try CreateLeagueRequest.parse(Data(#"{"game":"connect_four","players":16,"format":"swiss","rounds":5}"#.utf8))
        #expect(swiss.format == .swiss && swiss.rounds == 5 && swiss.game == "connect_four")
        let gauntlet = try CreateLeagueRequest.parse(Data(#"{"players":4,"format":"gauntlet","gauntlet_player":"ann"}"#.utf8))
        #expect(gauntlet.gauntletPlayer == "ann" && gauntlet.game == "even_odd")
        #expect(try CreateLeagueRequest.parse(Data(#"{"players":4,"game":"some_new_game"}"#.utf8)).game == "some_new_game")
        let cases: [(String, Int, String)] = [
            (#"{"players":4,"format":"swiss"}"#, 422, "rounds"),
            (#"{"players":4,"rounds":3}"#, 422, "only for Swiss"),
            (#"{"players":4,"format":"knockout","rounds":3}"#, 422, "only for Swiss"),
            (#"{"players":4,"format":"swiss","rounds":0}"#, 422, "at least 1"),
            (#"{"players":4,"format":"round-robin"}"#, 422, "unknown format"),
            (#"{"players":4,"gauntlet_player":"ann"}"#, 422, "gauntlet"),
            (#"{"players":4,"format":"gauntlet","gauntlet_player":""}"#, 422, "gauntlet"),
            (#"{"players":4,"game_options":{"Best Of":3}}"#, 422, "option name"),
            (#"{"players":4,"game":""}"#, 422, "game name"),
            (#"{"players":4,"format":7}"#, 400, "format"),
            (#"{"players":4,"format":"swiss","rounds":"5"}"#, 400, "rounds"),
            (#"{"players":4,"game_options":{"best_of":2.5}}"#, 400, "game_options"),
            (#"{"players":4,"game_options":[5]}"#, 400, "game_options"),
            (#"{"players":4,"gauntlet_player":7}"#, 400, "gauntlet_player"),
        ]
        for (body, status, words) in cases {
            do {
                _ = try CreateLeagueRequest.parse(Data(body.utf8))
                Issue.record("\(body) was accepted")
            } catch {
                #expect(Int(error.status.code) == status, "\(body): \(error)")
                #expect(error.message.contains(words), "\(body): \(error.message)")
            }
        }
    }

    @Test("league summaries carry the format (round robin when the report has none) and why a league waits")
    func summaries() throws {
        let waiting = ReportFixtures.report(
            [], standings: [], format: .knockout, roundsTotal: 0, status: .waiting, waitingReason: "no referee plays rps")
        let object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(LeagueSummary(waiting))) as? [String: Any])
        #expect(object["format"] as? String == "knockout")
        #expect(object["waiting_reason"] as? String == "no referee plays rps")
        #expect(object["game_type"] as? String == "rps")
        let old = ReportFixtures.report([], standings: [], format: nil, roundsTotal: 0, status: .running)
        let plain = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(LeagueSummary(old))) as? [String: Any])
        #expect(plain["format"] as? String == "round_robin")
        #expect(plain["waiting_reason"] == nil)
    }

    @Test("the 201 answer names the format, and links a knockout's bracket")
    func createdLeague() {
        let knockout = CreatedLeague(leagueID: "league-2", status: .waiting, game: "rps", format: .knockout, players: 8, seed: 1)
        #expect(knockout.links["bracket"] == "/api/leagues/league-2/bracket")
        #expect(CreatedLeague(leagueID: "league-1", status: .waiting, game: "even_odd", players: 4, seed: nil).links["bracket"] == nil)
    }

    @Test("the exposition has HELP lines, Timers as second histograms with our buckets, and Prometheus names for Hummingbird's")
    func exposition() {
        let exposition = PrometheusExposition()
        CoreMetrics.Timer(label: "match_duration_seconds", dimensions: [], factory: exposition.factory).recordMilliseconds(300)
        CoreMetrics.Timer(label: "http.server.request.duration", dimensions: [("http.route", "/health")], factory: exposition.factory)
            .recordMicroseconds(700)
        Counter(
            label: "hb.requests", dimensions: [("http.route", "/health"), ("http.response.status_code", "200")], factory: exposition.factory
        )
        .increment()
        let text = exposition.render()
        #expect(text.contains("# HELP match_duration_seconds "))
        #expect(text.contains("# TYPE match_duration_seconds histogram"))
        #expect(text.contains(#"match_duration_seconds_bucket{le="0.25"} 0"#))
        #expect(text.contains(#"match_duration_seconds_bucket{le="0.5"} 1"#))
        #expect(text.contains(#"match_duration_seconds_bucket{le="120.0"} 1"#))
        #expect(text.contains(#"http_server_request_duration_seconds_bucket{route="/health",le="0.001"} 1"#))
        #expect(text.contains(#"http_requests_total{route="/health",status="200"} 1"#))
        #expect(text.contains(#"matches_total{result="WIN"} 0"#), "prefilled at zero")
        #expect(text.contains("reconnects_total 0"))
        let types = text.split(separator: "\n").filter { $0.hasPrefix("# TYPE ") }.count
        let helps = text.split(separator: "\n").filter { $0.hasPrefix("# HELP ") }.count
        #expect(types == helps, "every family is described")
    }

    @Test("405 route matching")
    func routeTable() {
        #expect(RouteTable.methods(for: "/api/leagues")?.map(\.rawValue) == ["GET", "POST"])
        #expect(RouteTable.methods(for: "/api/leagues/league-1/standings")?.map(\.rawValue) == ["GET"])
        #expect(RouteTable.methods(for: "/api/leagues/league-1/bracket")?.map(\.rawValue) == ["GET"])
        #expect(RouteTable.methods(for: "/api/leagues/league-1/nothing") == nil)
        #expect(RouteTable.methods(for: "/nothing") == nil)
    }
}
