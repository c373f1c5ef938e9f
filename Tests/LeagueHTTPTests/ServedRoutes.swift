@testable import LeagueHTTP

/// The server's routes, from its own route table.
enum ServedRoutes {
    static var all: [(path: String, methods: [String])] {
        RouteTable.routes.map { route in ("/" + route.path.joined(separator: "/"), route.methods.map(\.rawValue)) }
    }
}
