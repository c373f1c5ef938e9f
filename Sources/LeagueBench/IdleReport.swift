/// What `league bench --idle-players N` measured: a manager process with N connected, registered, idle
/// players.
public struct IdleReport: Codable, Sendable {
    /// Players the run connected.
    public var players: Int
    /// Players whose registration the manager accepted.
    public var registered: Int
    /// How the players reached the manager.
    public var transport: BenchScenario.Transport
    /// Which heartbeats were on while measuring.
    public var heartbeats: String
    /// Seconds from starting the players to the last registration.
    public var registrationSeconds: Double
    /// Length of the idle window.
    public var seconds: Double
    /// The manager process's CPU over the window, in percent of one core.
    public var managerCpuPercent: Double
    /// The players' process (this one) over the same window, in percent of one core.
    public var playersCpuPercent: Double
    /// The manager's resident set at the end of the window, in MiB.
    public var managerRssMegabytes: Double
    /// The manager's private (anonymous) resident set: its own data, without shared library pages.
    public var managerAnonymousRssMegabytes: Double
    /// The manager's peak resident set (VmHWM), in MiB.
    public var managerPeakRssMegabytes: Double
    /// The largest resident set of the players' processes, in MiB.
    public var playersProcessRssMegabytes: Double
    /// The machine and its load.
    public var machine: MachineInfo
}
