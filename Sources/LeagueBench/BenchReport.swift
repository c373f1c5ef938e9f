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

    /// A report; the ratio is worked out from the two throughputs.
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
