import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What `GET /ready` checks: a list of named checks, each returning `nil` when fine or the reason it is not.
public struct ReadinessProbe: Sendable {
    /// One check.
    public struct Check: Sendable {
        /// A short name: `store`, `zeromq`.
        public var name: String
        /// `nil` when fine, else why not.
        public var run: @Sendable () -> String?

        /// Creates a check.
        public init(name: String, run: @escaping @Sendable () -> String?) {
            self.name = name
            self.run = run
        }
    }

    /// The checks, run in this order.
    public var checks: [Check]

    /// Creates a probe from its checks.
    public init(checks: [Check]) { self.checks = checks }

    /// Runs every check.
    public func report() -> ReadinessReport {
        var reasons: [String] = []
        var results: [ReadinessReport.Result] = []
        for check in checks {
            // Each check runs once: a check may cost a file write.
            if let reason = check.run() {
                reasons.append("\(check.name): \(reason)")
                results.append(.init(name: check.name, ok: false, detail: reason))
            } else {
                results.append(.init(name: check.name, ok: true, detail: nil))
            }
        }
        return ReadinessReport(ready: reasons.isEmpty, checks: results, reasons: reasons)
    }

    /// The store can be written: the SQLite file opens for writing and a probe file can be written and
    /// removed in its folder (catches a read-only or full file system, a deleted folder). `nil` for an
    /// in-memory store, which is always writable.
    public static func storeWritable(databasePath path: String?) -> Check {
        Check(name: "store") {
            guard let path else { return nil }
            let url = URL(fileURLWithPath: path)
            let folder = url.deletingLastPathComponent().path
            let file = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
            guard file >= 0 else { return "cannot open \(path) for writing: \(String(cString: strerror(errno)))" }
            close(file)
            let probe = "\(folder)/.league-ready-\(getpid())"
            let descriptor = open(probe, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else { return "cannot write in \(folder): \(String(cString: strerror(errno)))" }
            let byte: [UInt8] = [0x31]
            let written = write(descriptor, byte, 1)
            let failure = written == 1 ? nil : String(cString: strerror(errno))
            close(descriptor)
            unlink(probe)
            return failure.map { "cannot write in \(folder): \($0)" }
        }
    }
}

/// The body of `GET /ready` (200 when ready, 503 with the reasons when not).
public struct ReadinessReport: Codable, Sendable, Hashable {
    /// One check's outcome.
    public struct Result: Codable, Sendable, Hashable {
        /// The check's name.
        public var name: String
        /// Whether it passed.
        public var ok: Bool
        /// Why it failed.
        public var detail: String?
    }

    /// Whether every check passed.
    public var ready: Bool
    /// Each check's outcome.
    public var checks: [Result]
    /// `"name: reason"` for each failed check; empty when ready.
    public var reasons: [String]
}
