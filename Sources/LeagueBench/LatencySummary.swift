/// Percentiles of a latency distribution, in milliseconds.
public struct LatencySummary: Codable, Sendable, Hashable {
    /// Values recorded.
    public var count: Int
    /// The 50th, 90th and 99th percentiles, the largest value and the mean.
    public var p50: Double
    public var p90: Double
    public var p99: Double
    public var max: Double
    public var mean: Double

    /// A summary of `count` values.
    public init(count: Int, p50: Double, p90: Double, p99: Double, max: Double, mean: Double) {
        self.count = count
        self.p50 = p50
        self.p90 = p90
        self.p99 = p99
        self.max = max
        self.mean = mean
    }
}
