import Foundation
import Hummingbird

/// An error the HTTP API answers with: a status and a JSON body
/// `{"error": {"status": 404, "code": "league_not_found", "message": "…"}}`.
public struct APIError: Error, Sendable, Hashable, HTTPResponseError, CustomStringConvertible {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// A stable, machine-readable code such as `league_not_found` or `invalid_body`.
    public var code: String
    /// What went wrong, for people.
    public var message: String
    /// Extra headers, e.g. `Allow` for 405.
    public var headers: HTTPFields

    /// Creates an error.
    public init(_ status: HTTPResponse.Status, code: String, _ message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
    }

    /// `404 league_not_found: …`.
    public var description: String { "\(status.code) \(code): \(message)" }

    /// The JSON body.
    public struct Body: Codable, Sendable, Hashable {
        /// The error object.
        public struct Detail: Codable, Sendable, Hashable {
            /// The HTTP status again.
            public var status: Int
            /// The stable code, e.g. `league_not_found`.
            public var code: String
            /// What went wrong, for people.
            public var message: String
        }
        /// The error.
        public var error: Detail
    }

    /// The JSON answer.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = JSONResponse.make(Body(error: .init(status: status.code, code: code, message: message)), status: status)
        response.headers.append(contentsOf: headers)
        return response
    }

    /// 404 for an unknown league.
    static func leagueNotFound(_ id: String) -> APIError {
        APIError(.notFound, code: "league_not_found", "no league \(id.prefix(60))")
    }

    /// 404 for an unknown match.
    static func matchNotFound(_ id: String) -> APIError {
        APIError(.notFound, code: "match_not_found", "no match \(id.prefix(60))")
    }

    /// 400 for a body that is not the JSON expected.
    static func invalidBody(_ message: String) -> APIError { APIError(.badRequest, code: "invalid_body", message) }

    /// 422 for a well-formed request whose values cannot be accepted.
    static func invalidField(_ message: String) -> APIError { APIError(.unprocessableContent, code: "invalid_field", message) }
}
