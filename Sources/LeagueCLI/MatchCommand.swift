import ArgumentParser
import Foundation
import LeagueOperator
import LeagueProtocol
import LeagueRuntime
import ZeroMQ

struct MatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Show one match's transcript: every message with its time since the lease began.")

    @Argument(help: "The match id, e.g. R2M1.")
    var matchID: String

    @Option(help: "The manager's endpoint.")
    var manager = defaultEndpoint

    @Option(help: "The league id (the newest league when absent).")
    var league: String?

    @Flag(help: "Print the transcript as JSON.")
    var json = false

    @OptionGroup var common: CommonOptions

    func run() async throws {
        let logger = try common.bootstrapLogging().with(role: "operator")
        let transcript = try await LeagueClient.using(manager, name: "match", logger: logger) {
            try await $0.transcript(of: matchID, league: league)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            FileHandle.standardOutput.write(try encoder.encode(transcript))
            FileHandle.standardOutput.write(Data("\n".utf8))
        } else {
            print(Output.transcript(transcript))
        }
    }
}
