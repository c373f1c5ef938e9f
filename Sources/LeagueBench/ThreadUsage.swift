import Foundation
import Synchronization

/// CPU time of this process's threads grouped by role, for runs with every role in one process.
///
/// Event-loop threads are tagged with their role by the service factories that run on them
/// (``tagCurrentThread(_:)``); libzmq's I/O threads (`ZMQbg/…`) serve every role and are reported as
/// `zmq-io`; the rest (the operator client's loop, the Swift concurrency pool) as `other`.
enum ThreadUsage {
    typealias Sample = [String: Double]

    private static let tags = Mutex<[Int32: String]>([:])

    /// Marks the calling thread as `role`'s; call from a loop's service factory.
    static func tagCurrentThread(_ role: String) {
        // /proc/thread-self links to "<pid>/task/<tid>".
        guard let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/thread-self"),
            let tid = link.split(separator: "/").last.flatMap({ Int32($0) })
        else { return }
        tags.withLock { $0[tid] = role }
    }

    static func sample() -> Sample {
        let tagged = tags.withLock { $0 }
        var byRole: Sample = [:]
        for thread in ProcessUsage.threads() {
            let role = tagged[thread.tid] ?? (thread.name.hasPrefix("ZMQbg") ? "zmq-io" : "other")
            byRole[role, default: 0] += thread.cpuSeconds
        }
        return byRole
    }

    /// CPU seconds per role between two samples, and the process's peak RSS.
    static func roles(from before: Sample, to after: Sample) -> [RoleUsage] {
        let order = ["manager", "referee", "player", "operator", "zmq-io", "other"]
        var usage = order.compactMap { role -> RoleUsage? in
            guard let end = after[role] else { return nil }
            return RoleUsage(role: role, count: 1, cpuSeconds: rounded(end - (before[role] ?? 0)), peakRssMegabytes: nil)
        }
        if let me = ProcessUsage.current() {
            usage.append(
                RoleUsage(
                    role: "process", count: 1, cpuSeconds: rounded(usage.reduce(0) { $0 + $1.cpuSeconds }),
                    peakRssMegabytes: megabytes(me.peakRSS), anonymousRssMegabytes: megabytes(me.anonymousRSS)))
        }
        return usage
    }

    static func rounded(_ seconds: Double) -> Double { (seconds * 1000).rounded() / 1000 }
    static func megabytes(_ bytes: Int) -> Double { (Double(bytes) / 1_048_576 * 10).rounded() / 10 }
}
