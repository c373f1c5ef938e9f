import Foundation
import LeagueTestSupport

/// A helper program run to completion (python3 with a script in Tools/, promtool), with its output.
struct ToolRun: Sendable {
    var status: Int32
    var stdout: String
    var stderr: String

    /// The repository's root folder.
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// Tests/LeagueHTTPTests/Tools.
    static let tools = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Tools")

    /// Runs `executable arguments…` (looked up in PATH), feeding `input` on stdin, and waits for it to end
    /// within `seconds`; at the deadline it is killed and the run fails.
    static func run(_ executable: String, _ arguments: [String], input: String? = nil, within seconds: Double = 120) async throws -> ToolRun
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        process.currentDirectoryURL = repositoryRoot
        let out = Pipe()
        let err = Pipe()
        let stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        let ended = Mailbox<Int32>()
        process.terminationHandler = { ended.put($0.terminationStatus) }
        let collected = Mailbox<(Bool, Data)>()
        for (isOut, pipe) in [(true, out), (false, err)] {
            let thread = Thread {
                collected.put((isOut, pipe.fileHandleForReading.readDataToEndOfFile()))
            }
            thread.start()
        }
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try? stdin.fileHandleForWriting.close()
        }
        guard let status = await ended.take(within: seconds) else {
            process.terminate()
            throw ToolError(reason: "\(executable) \(arguments.joined(separator: " ")) did not end within \(seconds) s")
        }
        var stdout = Data()
        var stderr = Data()
        for _ in 0..<2 {
            guard let (isOut, data) = await collected.take(within: 10) else { break }
            if isOut { stdout = data } else { stderr = data }
        }
        return ToolRun(status: status, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Whether `executable` is on PATH.
    static func exists(_ executable: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").contains { folder in
            FileManager.default.isExecutableFile(atPath: "\(folder)/\(executable)")
        }
    }
}

struct ToolError: Error, CustomStringConvertible {
    var reason: String
    var description: String { reason }
}
