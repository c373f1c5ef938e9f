import Foundation
import Hummingbird

/// Builds JSON responses: UTF-8, `application/json`, no caching (the data is live).
enum JSONResponse {
    /// `value` encoded as JSON with `status`. Encoding our own `Codable` types cannot fail; if it ever
    /// did, the answer is a 500 with a JSON error rather than a crash.
    static func make<Value: Encodable>(_ value: Value, status: HTTPResponse.Status = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data: Data
        let code: HTTPResponse.Status
        do {
            data = try encoder.encode(value)
            code = status
        } catch {
            data = Data(#"{"error":{"status":500,"code":"encoding_failed","message":"the response could not be encoded"}}"#.utf8)
            code = .internalServerError
        }
        return Response(
            status: code,
            headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
