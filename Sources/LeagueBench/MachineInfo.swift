/// Where the run took place.
public struct MachineInfo: Codable, Sendable, Hashable {
    /// Cores the system reports as active.
    public var cores: Int
    /// 1-, 5- and 15-minute load averages when the run started and when it ended.
    public var loadAtStart: [Double]
    public var loadAtEnd: [Double]
    /// The libzmq version this process runs with, e.g. `4.3.4`.
    public var libzmq: String
    /// The kernel release (`uname -r`).
    public var kernel: String

    /// A description of the machine.
    public init(cores: Int, loadAtStart: [Double], loadAtEnd: [Double], libzmq: String, kernel: String) {
        self.cores = cores
        self.loadAtStart = loadAtStart
        self.loadAtEnd = loadAtEnd
        self.libzmq = libzmq
        self.kernel = kernel
    }
}
