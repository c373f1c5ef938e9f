import LeagueOperator
import Logging
import ZeroMQ

extension LeagueClient {
    /// Connects to `endpoint`, runs `body` with the client and closes it, whether `body` threw or not.
    static func using<T>(
        _ endpoint: String, name: String, operatorToken: String? = nil, logger: Logger, _ body: (LeagueClient) async throws -> T
    ) async throws -> T {
        let client = try await LeagueClient(
            endpoint: endpoint, context: Context(), name: name, operatorToken: operatorToken, logger: logger)
        do {
            let value = try await body(client)
            await client.close()
            return value
        } catch {
            await client.close()
            throw error
        }
    }
}
