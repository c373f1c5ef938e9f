/// A loop service that binds a socket: it knows the endpoint it actually bound (a wildcard port resolved).
public protocol BoundService: LoopService {
    var boundEndpoint: String { get }
}

/// A service started on its own event loop, with the endpoint it bound.
public struct RunningService: Sendable {
    public let loop: EventLoop
    public let endpoint: String

    /// Stops the loop (closing its sockets on its thread) and waits for its thread to end.
    public func stop() async {
        loop.stop()
        await loop.waitUntilStopped()
    }
}

extension EventLoop {
    /// Starts a new event loop running the one service `make` creates on the loop's thread, and waits until
    /// that service has bound. Throws when the loop or the service cannot start (the error names why).
    public static func launch<Service: BoundService>(
        name: String, context: Context, make: @escaping @Sendable (Context) throws -> Service
    ) async throws -> RunningService {
        let bound = Completion<String>()
        let loop = try EventLoop(
            name: name, context: context,
            services: [
                { context in
                    let service = try make(context)
                    bound.complete(service.boundEndpoint)
                    return service
                }
            ])
        try await loop.waitUntilStarted()
        guard let endpoint = bound.value else {
            loop.stop()
            await loop.waitUntilStopped()
            throw EventLoopError(loop: name, reason: "no endpoint bound")
        }
        return RunningService(loop: loop, endpoint: endpoint)
    }
}
