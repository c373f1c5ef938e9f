import Hummingbird
import Logging

/// Turns every error into a JSON answer with the right status: ``APIError``s as they are, Hummingbird's
/// `HTTPError`s (an unknown path, a body too large) with a code derived from the status, a known path asked
/// with the wrong method into 405 with `Allow`, and anything else into a logged 500.
struct APIErrorMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return try error.response(from: request, context: context)
        } catch let error as any HTTPResponseError {
            if error.status == .notFound, let allowed = RouteTable.methods(for: request.uri.path), !allowed.contains(request.method) {
                let allow = allowed.map(\.rawValue).joined(separator: ", ")
                return try APIError(
                    .methodNotAllowed, code: "method_not_allowed", "\(request.method.rawValue) is not allowed here; use \(allow)",
                    headers: [.allow: allow]
                ).response(from: request, context: context)
            }
            let message = error.status == .notFound ? "no such path: \(request.uri.path.prefix(100))" : error.status.reasonPhrase
            return try APIError(error.status, code: Self.code(for: error.status), message).response(from: request, context: context)
        } catch {
            logger.error("request failed", metadata: ["path": "\(request.uri.path.prefix(100))", "error": "\(error)"])
            return try APIError(.internalServerError, code: "internal_error", "the request failed").response(
                from: request, context: context)
        }
    }

    /// `Not Found` → `not_found`.
    static func code(for status: HTTPResponse.Status) -> String {
        status.reasonPhrase.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
    }
}

/// The API's paths and their methods, for 405 answers.
enum RouteTable {
    static let routes: [(path: [Substring], methods: [HTTPRequest.Method])] = [
        ("/", [.get]), ("/health", [.get]), ("/ready", [.get]), ("/metrics", [.get]), ("/metrics/prometheus", [.get]),
        ("/api/leagues", [.get, .post]), ("/api/leagues/{id}", [.get]), ("/api/leagues/{id}/standings", [.get]),
        ("/api/leagues/{id}/bracket", [.get]),
        ("/api/leagues/{id}/matches", [.get]), ("/api/matches/{id}", [.get]), ("/api/agents", [.get]), ("/api/events", [.get]),
        ("/assets/{file}", [.get]),
    ].map { (path: $0.0.split(separator: "/"), methods: $0.1) }

    /// The methods of the route matching `path`, or `nil` when no route does.
    static func methods(for path: String) -> [HTTPRequest.Method]? {
        let parts = path.split(separator: "/")
        for route in routes where route.path.count == parts.count {
            if zip(route.path, parts).allSatisfy({ $0.hasPrefix("{") || $0 == $1 }) { return route.methods }
        }
        return nil
    }
}
