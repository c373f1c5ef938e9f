import Foundation
import LeagueTestSupport
import Testing

/// The HTTP server as part of the manager process: readiness, shutdown, a port that is taken.
@Suite("Manager HTTP lifecycle", .timeLimit(.minutes(2)))
struct ManagerHTTPLifecycleTests {
    /// Starts `league manager` with a store in `folder` and HTTP on a free port.
    static func manager(database: String, http: String = "127.0.0.1:0") async throws -> (AgentProcess, HTTPClient) {
        let process = try AgentProcess([
            "manager", "--bind", "tcp://127.0.0.1:*", "--db", database, "--http", http, "--log-level", "warning",
        ])
        guard await process.line(startingWith: "manager listening on ", within: 30) != nil,
            let line = await process.line(startingWith: "http listening on ", within: 30),
            let url = URL(string: String(line.dropFirst("http listening on ".count)))
        else {
            process.kill()
            throw ToolError(reason: "the manager did not start its HTTP server")
        }
        return (process, HTTPClient(base: url))
    }

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("league-http-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("/ready is 200 with a writable store and a bound socket, 503 with the reasons once the store's folder is gone")
    func readiness() async throws {
        let root = try Self.folder()
        let data = root.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let (manager, http) = try await Self.manager(database: data.appendingPathComponent("league.sqlite").path)
        defer {
            manager.kill()
            try? FileManager.default.removeItem(at: root)
        }
        let ready = try await http.get("/ready")
        #expect(ready.status == 200)
        #expect(ready.object?["ready"] as? Bool == true)
        let checks = (ready.object?["checks"] as? [[String: Any]])?.map { ($0["name"] as? String ?? "", $0["ok"] as? Bool ?? false) }
        #expect(checks?.map(\.0) == ["store", "zeromq"] && checks?.allSatisfy(\.1) == true)

        try FileManager.default.removeItem(at: data)
        let broken = try await http.get("/ready")
        #expect(broken.status == 503)
        #expect(broken.object?["ready"] as? Bool == false)
        let reasons = try #require(broken.object?["reasons"] as? [String])
        #expect(reasons.count == 1 && reasons.first?.hasPrefix("store: cannot open") == true, "\(reasons)")
        #expect(try await http.get("/health").status == 200, "alive even when not ready")
    }

    @Test("SIGTERM stops the manager and its HTTP server, with an event stream open, and it exits 0")
    func shutdownWithOpenStream() async throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let (manager, http) = try await Self.manager(database: "memory")
        defer { manager.kill() }
        let events = EventStreamReader(url: http.base.appendingPathComponent("api/events"))
        defer { events.close() }
        #expect(await events.opened.take(within: 10) == 200)
        manager.signal(SIGTERM)
        #expect(await manager.exitStatus(within: 15) == 0)
        #expect(await events.ended.take(within: 10) == true, "the event stream ends with the manager")
    }

    @Test("a port given with --http that is taken stops the manager with an error")
    func takenPort() async throws {
        let (first, http) = try await Self.manager(database: "memory")
        defer { first.kill() }
        let port = try #require(http.base.port)
        let second = try AgentProcess(["manager", "--bind", "tcp://127.0.0.1:*", "--db", "memory", "--http", "127.0.0.1:\(port)"])
        defer { second.kill() }
        let status = await second.exitStatus(within: 20)
        #expect(status != nil && status != 0)
        #expect(try await http.get("/health").status == 200, "the first manager keeps serving")
    }

    @Test("--http rejects malformed addresses")
    func malformedAddress() async throws {
        for value in ["8080", "localhost:http", "[::1", "127.0.0.1:70000"] {
            let process = try AgentProcess(["manager", "--bind", "tcp://127.0.0.1:*", "--db", "memory", "--http", value])
            let status = await process.exitStatus(within: 20)
            #expect(status != nil && status != 0, "--http \(value)")
        }
    }
}

/// POST /api/leagues on a manager that requires an operator token.
@Suite("Operator token over HTTP", .timeLimit(.minutes(2)))
struct OperatorTokenHTTPTests {
    @Test("without the bearer token 401, with it 201")
    func bearerToken() async throws {
        let process = try AgentProcess([
            "manager", "--bind", "tcp://127.0.0.1:*", "--db", "memory", "--http", "127.0.0.1:0", "--operator-token", "s3cret",
            "--log-level", "warning",
        ])
        defer { process.kill() }
        let line = try #require(await process.line(startingWith: "http listening on ", within: 30))
        let http = HTTPClient(base: try #require(URL(string: String(line.dropFirst("http listening on ".count)))))
        let missing = try await http.post("/api/leagues", json: #"{"players": 2}"#)
        HTTPErrorTests.expectError(missing, 401, "unauthorized")
        #expect(missing.header("WWW-Authenticate") == "Bearer")
        let wrong = try await http.send(
            "POST", "/api/leagues", body: Data(#"{"players": 2}"#.utf8), headers: ["Authorization": "Bearer nope"])
        HTTPErrorTests.expectError(wrong, 401, "unauthorized")
        let right = try await http.send(
            "POST", "/api/leagues", body: Data(#"{"players": 2}"#.utf8), headers: ["Authorization": "Bearer s3cret"])
        #expect(right.status == 201, "\(right.text)")
        #expect(right.object?["status"] as? String == "waiting")
    }
}
