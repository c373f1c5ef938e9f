/// Encodes and decodes league messages as JSON.
///
/// It uses the project's own ``LeagueJSONEncoder`` and ``LeagueJSONDecoder`` rather than Foundation's
/// coders, which cost several times more per message on Linux and were the largest single cost of a match
/// (docs/PERFORMANCE.md shows the profile). The output is the same compact JSON; decoding failures are the
/// same `DecodingError`s, mapped to league error codes below.
///
/// Not `Sendable`: each event-loop service owns one.
public final class MessageCodec {
    private let encoder = LeagueJSONEncoder()
    private let decoder = LeagueJSONDecoder()

    public init() {}

    /// The JSON bytes of `message`.
    public func encode<Body: MessageBody>(_ message: Message<Body>) -> [UInt8] {
        do {
            return try encoder.encode(message)
        } catch {
            // Our own value types always encode; a failure here is a programming error worth seeing.
            preconditionFailure("encoding \(Body.messageType.rawValue) failed: \(error)")
        }
    }

    /// Encodes `body` with a fresh envelope.
    public func encode<Body: MessageBody>(
        _ body: Body, sender: String, conversationID: String, authToken: String? = nil
    ) -> [UInt8] {
        encode(
            Message(
                envelope: Envelope(
                    messageType: Body.messageType, sender: sender, conversationID: conversationID,
                    authToken: authToken),
                body: body))
    }

    /// Decodes a message of type `Body`, mapping every failure to a ``ProtocolError`` with a league code.
    public func decode<Body: MessageBody>(_ type: Body.Type, from bytes: [UInt8]) throws(ProtocolError) -> Message<Body> {
        do {
            return try decoder.decode(Message<Body>.self, from: bytes)
        } catch let error as ProtocolError {
            throw error
        } catch let error as DecodingError {
            throw Self.classify(error)
        } catch {
            throw ProtocolError(.invalidJSON, "\(error)")
        }
    }

    /// Decodes only the envelope, for error replies that want the conversation id of a bad message.
    public func envelope(of bytes: [UInt8]) -> Envelope? {
        try? decoder.decode(Envelope.self, from: bytes)
    }

    static func classify(_ error: DecodingError) -> ProtocolError {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let prefix = path(context)
            return ProtocolError(.missingRequiredField, "missing field \(prefix.isEmpty ? "" : prefix + ".")\(key.stringValue)")
        case .valueNotFound(_, let context):
            if context.codingPath.isEmpty { return ProtocolError(.invalidJSON, "body is not a JSON object") }
            return ProtocolError(.missingRequiredField, "null value for required field \(path(context))")
        case .typeMismatch(let type, let context):
            if context.codingPath.isEmpty { return ProtocolError(.invalidJSON, "body is not a JSON object") }
            return ProtocolError(.invalidFieldValue, "field \(path(context)) is not a \(type)")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return ProtocolError(.invalidJSON, "body is not a valid JSON object")
            }
            return ProtocolError(.invalidFieldValue, "field \(path(context)) has an invalid value")
        @unknown default:
            return ProtocolError(.invalidJSON, "\(error)")
        }
    }
}
