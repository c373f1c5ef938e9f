import ArgumentParser
import Foundation
import LeagueLogging
import Logging

/// The manager endpoint every role and tool uses unless told otherwise.
let defaultEndpoint = "tcp://127.0.0.1:5555"

/// Log options every command has.
struct CommonOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, text
    }

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .info

    @Option(name: .long, help: "Log format: json (one object per line) or text.")
    var logFormat: Format = .json

    @Option(name: .long, help: "Write logs to this file (rotated by size) instead of stderr.")
    var logFile: String?

    @Option(name: .long, help: "Rotate the log file when it would exceed this many bytes.")
    var logMaxBytes = 10 * 1024 * 1024

    @Option(name: .long, help: "How many rotated log files to keep.")
    var logBackups = 5

    /// Sets up swift-log once for the process and returns the root logger.
    func bootstrapLogging() throws -> Logger {
        let level = logLevel
        let file = try logFile.map { try RotatingFileWriter(path: $0, maxBytes: logMaxBytes, backups: logBackups) }
        let format = logFormat
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler
            if format == .json || file != nil {
                handler = JSONLogHandler(label: label, output: file.map { .file($0) } ?? .standardError)
            } else {
                handler = StreamLogHandler.standardError(label: label)
            }
            handler.logLevel = level
            return handler
        }
        return Logger(label: "league")
    }
}

/// How agents keep in touch with the manager.
struct LinkOptions: ParsableArguments {
    @Option(help: "Milliseconds between heartbeats to the manager.")
    var heartbeatMs = 1_000

    @Option(help: "Missed heartbeats after which the manager counts as lost and a reconnect starts.")
    var liveness = 3

    @Option(help: "First reconnect delay in milliseconds; it doubles (with jitter) up to --backoff-max-ms.")
    var backoffMs = 1_000

    @Option(help: "Longest reconnect delay in milliseconds.")
    var backoffMaxMs = 32_000

    func validate() throws {
        guard heartbeatMs > 0, liveness > 0, backoffMs > 0, backoffMaxMs >= backoffMs else {
            throw ValidationError("heartbeat, liveness and backoff must be positive, and --backoff-max-ms at least --backoff-ms")
        }
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
