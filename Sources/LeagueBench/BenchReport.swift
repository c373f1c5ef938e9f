/// What a `league bench` run measured; `--json` prints it with snake_case keys.
public struct BenchReport: Codable, Sendable {
    /// The scenario as run.
    public var scenario: BenchScenario
    /// The machine and its load while the run took place.
    public var machine: MachineInfo
    /// The leagues: matches played through the real manager, referees and players.
    public var league: Throughput
    /// The same matches' 11 messages each through a ROUTER that only forwards (with `--raw-relay`).
    public var rawRelay: Throughput?
    /// League matches/s divided by raw-relay matches/s, when both ran.
    public var leagueToRawRatio: Double?
    /// CPU time and peak memory of each role during the league part of the run.
    public var roles: [RoleUsage]

    public init(
        scenario: BenchScenario, machine: MachineInfo, league: Throughput, rawRelay: Throughput?, roles: [RoleUsage]
    ) {
        self.scenario = scenario
        self.machine = machine
        self.league = league
        self.rawRelay = rawRelay
        self.roles = roles
        if let rawRelay, rawRelay.matchesPerSecond > 0 {
            leagueToRawRatio = league.matchesPerSecond / rawRelay.matchesPerSecond
        }
    }
}

/// Matches played and how fast.
public struct Throughput: Codable, Sendable {
    /// Matches whose result the manager (or the relay) recorded.
    public var matches: Int
    /// Matches the run expected but that never finished.
    public var lostMatches: Int
    /// Matches decided by a missed deadline instead of by play.
    public var technicalLosses: Int
    /// From the first league's start (round 1 announced) to the last league's completion.
    public var wallSeconds: Double
    public var matchesPerSecond: Double
    /// Per match, as the referee sees it: MATCH_ASSIGNMENT read → MATCH_RESULT_ACK read.
    public var matchLatencyMs: LatencySummary
    /// Per league, as the operator sees it: round 1 announced → LEAGUE_COMPLETED read.
    public var leagueMs: LatencySummary?
    /// Messages the manager (or relay) received in that time; `nil` where it could not be read.
    public var managerMessages: Int?
    public var managerMessagesPerSecond: Double?
    /// Error replies the manager sent.
    public var managerErrors: Int?

    public init(
        matches: Int, lostMatches: Int, technicalLosses: Int, wallSeconds: Double, matchLatencyMs: LatencySummary,
        leagueMs: LatencySummary?, managerMessages: Int?, managerErrors: Int?
    ) {
        self.matches = matches
        self.lostMatches = lostMatches
        self.technicalLosses = technicalLosses
        self.wallSeconds = wallSeconds
        self.matchesPerSecond = wallSeconds > 0 ? Double(matches) / wallSeconds : 0
        self.matchLatencyMs = matchLatencyMs
        self.leagueMs = leagueMs
        self.managerMessages = managerMessages
        self.managerMessagesPerSecond = managerMessages.map { wallSeconds > 0 ? Double($0) / wallSeconds : 0 }
        self.managerErrors = managerErrors
    }
}

/// Percentiles of a latency distribution, in milliseconds.
public struct LatencySummary: Codable, Sendable, Hashable {
    public var count: Int
    public var p50: Double
    public var p90: Double
    public var p99: Double
    public var max: Double
    public var mean: Double

    public init(count: Int, p50: Double, p90: Double, p99: Double, max: Double, mean: Double) {
        self.count = count
        self.p50 = p50
        self.p90 = p90
        self.p99 = p99
        self.max = max
        self.mean = mean
    }
}

/// One role's resource use: summed CPU seconds over its processes (or threads) and the largest peak RSS.
public struct RoleUsage: Codable, Sendable, Hashable {
    /// `manager`, `referee`, `player`, `operator`, or, in one process, `zmq-io` (libzmq's I/O threads,
    /// shared by every role) and `process` (the whole bench process, for memory).
    public var role: String
    /// Processes (or threads, in one process) counted.
    public var count: Int
    public var cpuSeconds: Double
    /// The largest peak resident set of one of its processes, in MiB; `nil` for threads.
    public var peakRssMegabytes: Double?
    /// The largest private (anonymous) resident set of one of its processes at the end, in MiB; the rest of
    /// the RSS is shared library and executable pages.
    public var anonymousRssMegabytes: Double?

    public init(role: String, count: Int, cpuSeconds: Double, peakRssMegabytes: Double?, anonymousRssMegabytes: Double? = nil) {
        self.role = role
        self.count = count
        self.cpuSeconds = cpuSeconds
        self.peakRssMegabytes = peakRssMegabytes
        self.anonymousRssMegabytes = anonymousRssMegabytes
    }
}

/// Where the run took place.
public struct MachineInfo: Codable, Sendable, Hashable {
    public var cores: Int
    /// 1-, 5- and 15-minute load averages when the run started and when it ended.
    public var loadAtStart: [Double]
    public var loadAtEnd: [Double]
    public var libzmq: String
    public var kernel: String

    public init(cores: Int, loadAtStart: [Double], loadAtEnd: [Double], libzmq: String, kernel: String) {
        self.cores = cores
        self.loadAtStart = loadAtStart
        self.loadAtEnd = loadAtEnd
        self.libzmq = libzmq
        self.kernel = kernel
    }
}
