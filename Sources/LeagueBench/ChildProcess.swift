import Foundation
import Synchronization
import ZeroMQ

/// A role of the bench run as its own OS process of the `league` binary. Its stdout and stderr go to files
/// in the run's directory; with `watch`, stdout is also read as it comes, for the line that starts with it.
final class ChildProcess: Sendable {
    let name: String
    let stdoutPath: String
    let stderrPath: String
    /// The first stdout line starting with the watched prefix (without it), or `nil` if output ended first.
    let watched = Completion<String?>()
    /// The exit status.
    let exited = Completion<Int32>()
    private let process: Process
    private let pending = LineAccumulator()

    init(executable: String, arguments: [String], directory: URL, name: String, watch prefix: String? = nil) throws {
        self.name = name
        stdoutPath = directory.appendingPathComponent("\(name).out").path
        stderrPath = directory.appendingPathComponent("\(name).err").path
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        process.standardError = FileHandle(forWritingAtPath: stderrPath)
        if let prefix {
            let pipe = Pipe()
            process.standardOutput = pipe
            let reader = pipe.fileHandleForReading
            reader.readabilityHandler = { [watched, pending] handle in
                let data = handle.availableData
                if data.isEmpty {
                    handle.readabilityHandler = nil
                    watched.complete(nil)
                    return
                }
                for text in pending.lines(adding: data) where text.hasPrefix(prefix) {
                    watched.complete(String(text.dropFirst(prefix.count)))
                }
            }
        } else {
            _ = FileManager.default.createFile(atPath: stdoutPath, contents: nil)
            process.standardOutput = FileHandle(forWritingAtPath: stdoutPath)
        }
        process.terminationHandler = { [exited] process in exited.complete(process.terminationStatus) }
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }

    /// Sends `signal` if the process still runs.
    func signal(_ number: Int32) {
        if exited.value == nil { kill(process.processIdentifier, number) }
    }

    /// Waits for the exit up to `seconds`, then kills the process; returns the status.
    func stop(within seconds: Int) async -> Int32 {
        let exited = self.exited
        let killer = Task { [process] in
            try? await Task.sleep(for: .seconds(seconds))
            guard exited.value == nil else { return }
            kill(process.processIdentifier, SIGKILL)
            // Should the exit still go unreported, the run must not wait for ever.
            try? await Task.sleep(for: .seconds(5))
            exited.complete(-1)
        }
        let status = await exited.wait()
        killer.cancel()
        return status
    }

    /// What the process wrote to stdout (when not watched) or stderr.
    func output(stderr: Bool = false) -> String {
        (try? String(contentsOfFile: stderr ? stderrPath : stdoutPath, encoding: .utf8)) ?? ""
    }
}

/// Splits a byte stream into lines.
final class LineAccumulator: Sendable {
    private let buffer = Mutex<[UInt8]>([])

    /// Appends `data` and returns the lines it completed.
    func lines(adding data: Data) -> [String] {
        buffer.withLock { buffer in
            buffer.append(contentsOf: data)
            var lines: [String] = []
            while let newline = buffer.firstIndex(of: 0x0A) {
                lines.append(String(decoding: buffer[..<newline], as: UTF8.self))
                buffer.removeSubrange(...newline)
            }
            return lines
        }
    }
}

/// Waits for `completion` up to `seconds`; `nil` on timeout.
func wait<Value: Sendable>(for completion: Completion<Value?>, seconds: Int) async -> Value? {
    let timer = Task {
        try? await Task.sleep(for: .seconds(seconds))
        completion.complete(nil)
    }
    let value = await completion.wait()
    timer.cancel()
    return value
}
