import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One HTTP answer.
struct HTTPAnswer: Sendable {
    var status: Int
    var headers: [String: String]
    var body: Data

    /// The body as a JSON object, or `nil`.
    var object: [String: Any]? { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] }
    /// The body as text.
    var text: String { String(decoding: body, as: UTF8.self) }
    /// A header, case-insensitively.
    func header(_ name: String) -> String? { headers.first { $0.key.lowercased() == name.lowercased() }?.value }
    /// The `error` object of a JSON error body.
    var error: [String: Any]? { object?["error"] as? [String: Any] }
}

/// A small client for the manager's HTTP server over real loopback sockets (URLSession).
struct HTTPClient: Sendable {
    let base: URL

    func get(_ path: String) async throws -> HTTPAnswer { try await send("GET", path) }

    func post(_ path: String, json: String, contentType: String? = "application/json") async throws -> HTTPAnswer {
        try await send("POST", path, body: Data(json.utf8), headers: contentType.map { ["Content-Type": $0] } ?? [:])
    }

    func send(_ method: String, _ path: String, body: Data? = nil, headers extra: [String: String] = [:]) async throws -> HTTPAnswer {
        guard let url = URL(string: path, relativeTo: base) else { throw HTTPClientError(reason: "bad path \(path)") }
        var request = URLRequest(url: url, timeoutInterval: 15)
        request.httpMethod = method
        request.httpBody = body
        if body != nil, extra["Content-Type"] == nil { request.setValue("application/json", forHTTPHeaderField: "Content-Type") }
        for (name, value) in extra { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw HTTPClientError(reason: "not an HTTP response") }
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            if let key = key as? String, let value = value as? String { headers[key] = value }
        }
        return HTTPAnswer(status: http.statusCode, headers: headers, body: data)
    }
}

struct HTTPClientError: Error, CustomStringConvertible {
    var reason: String
    var description: String { reason }
}
