import Benchmark
import Foundation
import LeagueProtocol

/// Message encode, decode and validation: the project's codec beside Foundation's coders on the same
/// message (MATCH_RESULT_REPORT, the one every match sends to the manager, about 500 bytes).
enum CodecBenchmarks {
    static let report = Message(
        envelope: Envelope(
            messageType: .matchResultReport, sender: "referee:REF01", conversationID: "report-conv-league-1-R3M2",
            authToken: "tok_0123456789abcdef0123456789abcdef"),
        body: MatchResultReport(
            leagueID: "league-1", roundID: 3, matchID: "R3M2",
            result: .init(
                winner: "P03", score: ["P03": 3, "P07": 0],
                details: .init(
                    status: .win, drawnNumber: 8, choices: ["P03": "even", "P07": "odd"], seed: 12_345_678_901_234_567,
                    reason: "P03 chose even and the number 8 is even"))))

    static func register() {
        let configuration = Benchmark.Configuration(
            metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput], maxDuration: .seconds(2), maxIterations: 1_000_000)
        let bytes = MessageCodec().encode(report)
        let frames: [[UInt8]] = [
            WireMessage.protocolTag, Array(MessageType.matchResultReport.rawValue.utf8), [],
            Array("tok_0123456789abcdef0123456789abcdef".utf8),
            bytes,
        ]

        Benchmark("Encode MATCH_RESULT_REPORT (MessageCodec)", configuration: configuration) { benchmark in
            let codec = MessageCodec()
            for _ in benchmark.scaledIterations { blackHole(codec.encode(report)) }
        }
        Benchmark("Encode MATCH_RESULT_REPORT (Foundation JSONEncoder)", configuration: configuration) { benchmark in
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes]
            for _ in benchmark.scaledIterations { blackHole(try encoder.encode(report)) }
        }
        Benchmark("Decode MATCH_RESULT_REPORT (MessageCodec)", configuration: configuration) { benchmark in
            let codec = MessageCodec()
            for _ in benchmark.scaledIterations { blackHole(try codec.decode(MatchResultReport.self, from: bytes)) }
        }
        Benchmark("Decode MATCH_RESULT_REPORT (Foundation JSONDecoder)", configuration: configuration) { benchmark in
            let decoder = JSONDecoder()
            let data = Data(bytes)
            for _ in benchmark.scaledIterations { blackHole(try decoder.decode(Message<MatchResultReport>.self, from: data)) }
        }
        // What the manager does with a report before it looks at the result: frame checks, then the body
        // decoded with its envelope checked (protocol, type, timestamp).
        Benchmark("Validate MATCH_RESULT_REPORT (frames + body)", configuration: configuration) { benchmark in
            let codec = MessageCodec()
            for _ in benchmark.scaledIterations {
                let wire = try WireMessage.parse(frames)
                blackHole(try codec.decode(MatchResultReport.self, from: wire.body))
            }
        }
    }
}
