import ArgumentParser
import Foundation
import Logging

/// The manager endpoint every role and tool uses unless told otherwise.
let defaultEndpoint = "tcp://127.0.0.1:5555"

/// Options every command has.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .info

    /// Sends swift-log output to stderr at the chosen level. Called once per process.
    func bootstrapLogging() -> Logger {
        let level = logLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        return Logger(label: "league")
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
