import Histogram
import Synchronization

/// Match latencies and outcomes gathered from the referees' loop threads, read by the bench.
public final class LatencyRecorder: Sendable {
    /// What has been recorded so far.
    public struct Totals: Sendable, Codable {
        /// Match latencies in microseconds.
        public var histogram = LatencyRecorder.makeHistogram()
        /// Results reported as TECHNICAL_LOSS (a deadline was missed).
        public var technicalLosses = 0
    }

    private let state = Mutex(Totals())

    public init() {}

    /// Records one match that took `nanoseconds`.
    public func record(nanoseconds: UInt64) {
        let micros = max(1, nanoseconds / 1_000)
        state.withLock { _ = $0.histogram.record(micros) }
    }

    /// Counts a result decided by a missed deadline.
    public func noteTechnicalLoss() {
        state.withLock { $0.technicalLosses += 1 }
    }

    /// Adds totals gathered elsewhere (another process's referee).
    public func merge(_ other: Totals) {
        state.withLock { state in
            state.histogram.add(other.histogram)
            state.technicalLosses += other.technicalLosses
        }
    }

    /// A copy of the totals.
    public var totals: Totals { state.withLock { $0 } }

    /// An empty histogram of microseconds from 1 µs to 10 minutes at three significant digits.
    public static func makeHistogram() -> Histogram<UInt64> {
        Histogram<UInt64>(lowestDiscernibleValue: 1, highestTrackableValue: 600_000_000, numberOfSignificantValueDigits: .three)
    }

    /// The distribution of a microsecond histogram, in milliseconds.
    public static func summary(_ histogram: Histogram<UInt64>) -> LatencySummary {
        func ms(_ micros: UInt64) -> Double { Double(micros) / 1_000 }
        guard histogram.totalCount > 0 else { return LatencySummary(count: 0, p50: 0, p90: 0, p99: 0, max: 0, mean: 0) }
        return LatencySummary(
            count: Int(histogram.totalCount), p50: ms(histogram.valueAtPercentile(50)), p90: ms(histogram.valueAtPercentile(90)),
            p99: ms(histogram.valueAtPercentile(99)), max: ms(histogram.max), mean: (histogram.mean).rounded() / 1_000)
    }
}
