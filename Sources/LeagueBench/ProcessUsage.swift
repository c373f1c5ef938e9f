import Foundation

/// CPU time and memory of processes and threads, read from `/proc` (Linux).
public enum ProcessUsage {
    /// CPU seconds (user + system) and memory of one process or thread.
    public struct Sample: Sendable, Hashable {
        public var cpuSeconds: Double
        /// Peak resident set (VmHWM) in bytes; 0 for a thread.
        public var peakRSS: Int
        /// Resident set now (VmRSS) in bytes; 0 for a thread.
        public var rss: Int
        /// The private, anonymous part of the resident set now (RssAnon) in bytes: what is not shared
        /// library or executable pages, which every process of the same binary shares.
        public var anonymousRSS: Int
    }

    private static let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))

    /// The process `pid`, or `nil` when it is gone.
    public static func process(_ pid: Int32) -> Sample? {
        guard let cpu = cpuSeconds(statPath: "/proc/\(pid)/stat") else { return nil }
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        return Sample(
            cpuSeconds: cpu, peakRSS: kilobytes("VmHWM:", in: status) * 1024, rss: kilobytes("VmRSS:", in: status) * 1024,
            anonymousRSS: kilobytes("RssAnon:", in: status) * 1024)
    }

    /// This process.
    public static func current() -> Sample? { process(getpid()) }

    /// Every thread of this process with its id, name (`comm`) and CPU seconds.
    public static func threads() -> [(tid: Int32, name: String, cpuSeconds: Double)] {
        guard let tids = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task") else { return [] }
        return tids.compactMap { tid in
            guard let id = Int32(tid), let cpu = cpuSeconds(statPath: "/proc/self/task/\(tid)/stat") else { return nil }
            let name = (try? String(contentsOfFile: "/proc/self/task/\(tid)/comm", encoding: .utf8)) ?? "?"
            return (id, name.trimmingCharacters(in: .whitespacesAndNewlines), cpu)
        }
    }

    /// utime + stime of a `stat` file: fields 14 and 15, counted after the parenthesised command name.
    static func cpuSeconds(statPath: String) -> Double? {
        guard let text = try? String(contentsOfFile: statPath, encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / ticksPerSecond
    }

    static func kilobytes(_ key: String, in status: String) -> Int {
        for line in status.split(separator: "\n") where line.hasPrefix(key) {
            return Int(line.dropFirst(key.count).split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "") ?? 0
        }
        return 0
    }

    /// The 1-, 5- and 15-minute load averages.
    public static func loadAverage() -> [Double] {
        var loads = [Double](repeating: 0, count: 3)
        _ = getloadavg(&loads, 3)
        return loads.map { ($0 * 100).rounded() / 100 }
    }

    /// A description of this machine for the report.
    public static func machine(loadAtStart: [Double]) -> MachineInfo {
        let (major, minor, patch) = (ZMQVersion.current)
        var name = utsname()
        uname(&name)
        let release = withUnsafeBytes(of: &name.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        return MachineInfo(
            cores: ProcessInfo.processInfo.activeProcessorCount, loadAtStart: loadAtStart, loadAtEnd: loadAverage(),
            libzmq: "\(major).\(minor).\(patch)", kernel: release)
    }
}
