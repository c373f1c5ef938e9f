import Foundation
import LeagueTestSupport

/// Runs `body` with a fresh cluster whose manager serves HTTP, and always tears the cluster down.
func withLiveCluster(_ body: (TestCluster, HTTPClient) async throws -> Void) async throws {
    let cluster = try TestCluster()
    do {
        let client = try await cluster.startManagerWithHTTP()
        try await body(cluster, client)
    } catch {
        await cluster.tearDown()
        throw error
    }
    await cluster.tearDown()
}
