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
    /// `matches` ÷ `wallSeconds`.
    public var matchesPerSecond: Double
    /// Per match, as the referee sees it: MATCH_ASSIGNMENT read → MATCH_RESULT_ACK read.
    public var matchLatencyMs: LatencySummary
    /// Per league, as the operator sees it: round 1 announced → LEAGUE_COMPLETED read.
    public var leagueMs: LatencySummary?
    /// Messages the manager (or relay) received in that time; `nil` where it could not be read.
    public var managerMessages: Int?
    /// `managerMessages` ÷ `wallSeconds`.
    public var managerMessagesPerSecond: Double?
    /// Error replies the manager sent.
    public var managerErrors: Int?

    /// The figures of a run; the rates are worked out from them.
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
