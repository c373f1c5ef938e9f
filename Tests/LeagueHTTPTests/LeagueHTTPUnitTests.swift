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
            (#"{"players":2,"options":{"seed":-1}}"#, 400), (#"{"players":1}"#, 422), (#"{"players":2,"game":"go"}"#, 422),
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
        #expect(RouteTable.methods(for: "/api/leagues/league-1/nothing") == nil)
        #expect(RouteTable.methods(for: "/nothing") == nil)
    }
}
