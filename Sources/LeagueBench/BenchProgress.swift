/// How far a run has got, for a progress line.
public struct BenchProgress: Sendable {
    /// `league` or `raw-relay`.
    public var phase: String
    /// Leagues completed so far, of `leagues`.
    public var leaguesDone: Int
    public var leagues: Int
    /// Matches completed so far.
    public var matchesDone: Int
    /// Seconds since the first league started.
    public var seconds: Double

    /// Matches per second so far.
    public var matchesPerSecond: Double { seconds > 0 ? Double(matchesDone) / seconds : 0 }
}
