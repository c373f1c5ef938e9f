/// One role's resource use: summed CPU seconds over its processes (or threads) and the largest peak RSS.
public struct RoleUsage: Codable, Sendable, Hashable {
    /// `manager`, `referee`, `player`, `operator`, or, in one process, `zmq-io` (libzmq's I/O threads,
    /// shared by every role) and `process` (the whole bench process, for memory).
    public var role: String
    /// Processes (or threads, in one process) counted.
    public var count: Int
    /// User plus system CPU time over the measured part of the run.
    public var cpuSeconds: Double
    /// The largest peak resident set of one of its processes, in MiB; `nil` for threads.
    public var peakRssMegabytes: Double?
    /// The largest private (anonymous) resident set of one of its processes at the end, in MiB; the rest of
    /// the RSS is shared library and executable pages.
    public var anonymousRssMegabytes: Double?

    /// One role's figures.
    public init(role: String, count: Int, cpuSeconds: Double, peakRssMegabytes: Double?, anonymousRssMegabytes: Double? = nil) {
        self.role = role
        self.count = count
        self.cpuSeconds = cpuSeconds
        self.peakRssMegabytes = peakRssMegabytes
        self.anonymousRssMegabytes = anonymousRssMegabytes
    }
}
