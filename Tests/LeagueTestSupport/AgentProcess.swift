import Foundation

/// A process of the built `league` binary, with its output collected line by line.
public final class AgentProcess: Sendable {
    /// Lines of stdout as they arrive.
    public let stdout = Mailbox<String>()
    /// Everything written to stderr so far.
    public let stderrLines = Mailbox<String>()
    private let process: Process

    /// The `league` executable next to the running test binary (or `$LEAGUE_BINARY`).
    public static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["LEAGUE_BINARY"] { return URL(fileURLWithPath: path) }
        let me = URL(
            fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
        var directory = me.deletingLastPathComponent()
        // The test binary may sit inside an .xctest bundle directory.
        while directory.pathExtension == "xctest" || directory.lastPathComponent == "Contents" || directory.lastPathComponent == "MacOS" {
            directory = directory.deletingLastPathComponent()
        }
        return directory.appendingPathComponent("league")
    }

    /// Starts `league arguments…`.
    public init(_ arguments: [String]) throws {
        process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        Self.collect(out.fileHandleForReading, into: stdout)
        Self.collect(err.fileHandleForReading, into: stderrLines)
        try process.run()
    }

    private static func collect(_ handle: FileHandle, into mailbox: Mailbox<String>) {
        let buffer = LineBuffer()
        handle.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty {
                handle.readabilityHandler = nil
                if let rest = buffer.finish() { mailbox.put(rest) }
                mailbox.close()
                return
            }
            for line in buffer.append(data) { mailbox.put(line) }
        }
    }

    /// Whether the process is still running.
    public var isRunning: Bool { process.isRunning }

    /// The process id.
    public var pid: Int32 { process.processIdentifier }

    /// Waits for a stdout line starting with `prefix`; returns it, or `nil` at the deadline or end of output.
    public func line(startingWith prefix: String, within seconds: Double = 20) async -> String? {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while ContinuousClock.now < deadline {
            let remaining = Double((deadline - ContinuousClock.now).components.seconds) + 0.05
            guard let line = await stdout.take(within: remaining) else { return nil }
            if line.hasPrefix(prefix) { return line }
        }
        return nil
    }

    /// All of stdout once the process has ended (or what arrived by the deadline). The end of the process,
    /// not the end of the pipe, decides: a child started at the same moment may hold the pipe open.
    public func allOutput(within seconds: Double = 60) async -> String {
        var lines: [String] = []
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        var quietAfterExit = 0
        while ContinuousClock.now < deadline, quietAfterExit < 3 {
            if let line = await stdout.take(within: 0.1) {
                lines.append(line)
            } else if !process.isRunning {
                quietAfterExit += 1
            }
        }
        lines.append(contentsOf: stdout.drain())
        return lines.joined(separator: "\n")
    }

    /// Sends `signal` (SIGTERM by default).
    public func signal(_ number: Int32 = SIGTERM) {
        if process.isRunning { Foundation.kill(process.processIdentifier, number) }
    }

    /// The exit status once the process has ended, or `nil` if it is still running at the deadline.
    public func exitStatus(within seconds: Double = 20) async -> Int32? {
        let ended = Mailbox<Int32>()
        let process = self.process
        let watcher = Thread {
            process.waitUntilExit()
            ended.put(process.terminationStatus)
        }
        watcher.start()
        return await ended.take(within: seconds)
    }

    /// Kills the process if it is still running.
    public func kill() {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
    }
}

/// Splits a byte stream into lines; used from one reader thread at a time.
private final class LineBuffer: @unchecked Sendable {
    // @unchecked: FileHandle calls its readabilityHandler serially, so `pending` is never touched by two
    // threads at once.
    private var pending = Data()

    func append(_ data: Data) -> [String] {
        pending.append(data)
        var lines: [String] = []
        while let newline = pending.firstIndex(of: 0x0A) {
            lines.append(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
            pending = Data(pending[(newline + 1)...])
        }
        return lines
    }

    func finish() -> String? {
        defer { pending = Data() }
        return pending.isEmpty ? nil : String(decoding: pending, as: UTF8.self)
    }
}
