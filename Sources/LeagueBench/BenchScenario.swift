/// What one `league bench` run measures: the agents, how many leagues and how they overlap, the transport,
/// and whether the roles share one process.
public struct BenchScenario: Sendable, Hashable, Codable {
    /// How the agents reach the manager.
    public enum Transport: String, Sendable, Hashable, Codable, CaseIterable {
        case tcp, ipc, inproc
    }

    /// Where the roles run.
    public enum Roles: String, Sendable, Hashable, Codable, CaseIterable {
        /// Manager, referees and players as threads of the bench process (as `league demo` runs them).
        case oneProcess = "one-process"
        /// The manager, each referee and each player as its own OS process of the `league` binary.
        case processes
    }

    /// Players in each league.
    public var players: Int
    /// Referees, shared by every league.
    public var referees: Int
    /// Matches each referee runs at once.
    public var refereeCapacity: Int
    /// Leagues played in all.
    public var leagues: Int
    /// Leagues running at the same time, each with its own players (1: back to back).
    public var concurrentLeagues: Int
    /// How the agents reach the manager.
    public var transport: Transport
    /// Where the roles run.
    public var roles: Roles
    /// Seeds the leagues' draws and the players' strategies.
    public var seed: UInt64
    /// Also run the raw relay (the same 11 messages per match through a ROUTER that only forwards).
    public var rawRelay: Bool
    /// The most matches the raw relay plays (it plays as many as the leagues had, up to this).
    public var rawRelayMatchLimit: Int
    /// Seconds a league may take before the run gives up on it.
    public var leagueTimeoutSeconds: Int
    /// With `roles: .processes`: a command put before the manager's, such as
    /// `["perf", "record", "-g", "-o", "manager.data"]` or `["valgrind", "--tool=callgrind"]`, to profile it.
    public var managerPrefix: [String]

    /// A scenario; the defaults are a single 4-player league over tcp in one process.
    public init(
        players: Int = 4, referees: Int = 2, refereeCapacity: Int = 4, leagues: Int = 1, concurrentLeagues: Int = 1,
        transport: Transport = .tcp, roles: Roles = .oneProcess, seed: UInt64 = 1, rawRelay: Bool = false,
        rawRelayMatchLimit: Int = 20_000, leagueTimeoutSeconds: Int = 120, managerPrefix: [String] = []
    ) {
        self.players = players
        self.referees = referees
        self.refereeCapacity = refereeCapacity
        self.leagues = leagues
        self.concurrentLeagues = concurrentLeagues
        self.transport = transport
        self.roles = roles
        self.seed = seed
        self.rawRelay = rawRelay
        self.rawRelayMatchLimit = rawRelayMatchLimit
        self.leagueTimeoutSeconds = leagueTimeoutSeconds
        self.managerPrefix = managerPrefix
    }

    /// Matches in one league: every pair once.
    public var matchesPerLeague: Int { players * (players - 1) / 2 }

    /// Matches in the whole run.
    public var totalMatches: Int { matchesPerLeague * leagues }

    /// Player processes or services the run needs: one set per league running at once.
    public var playerAgents: Int { players * concurrentLeagues }

    /// Why the scenario cannot run, or `nil`.
    public var problem: String? {
        if players < 2 { return "players must be at least 2" }
        if referees < 1 { return "referees must be at least 1" }
        if refereeCapacity < 1 { return "referee capacity must be at least 1" }
        if leagues < 1 { return "leagues must be at least 1" }
        if concurrentLeagues < 1 || concurrentLeagues > leagues { return "concurrent leagues must be 1…leagues" }
        if roles == .processes && transport == .inproc { return "inproc works only with every role in one process" }
        if rawRelayMatchLimit < 1 { return "the raw relay needs at least 1 match" }
        return nil
    }

    /// The endpoint the manager binds for this run (a free tcp port, or a name unique to this process).
    public func bindEndpoint(unique: String) -> String {
        switch transport {
        case .tcp: "tcp://127.0.0.1:*"
        case .ipc: "ipc://@agent-league-bench-\(unique)"
        case .inproc: "inproc://agent-league-bench-\(unique)"
        }
    }
}
