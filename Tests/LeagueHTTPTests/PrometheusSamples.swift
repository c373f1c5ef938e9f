import Foundation

/// A Prometheus exposition as parsed by the reference parser (prometheus_client, through
/// Tools/prometheus_parse.py): every sample with its labels.
struct PrometheusSamples: Sendable {
    struct Sample: Sendable, Hashable {
        var name: String
        var labels: [String: String]
        var value: Double?
    }

    var samples: [Sample]
    /// Family name → type (`counter`, `gauge`, `histogram`).
    var types: [String: String]

    /// Parses `text` with the reference parser; throws with its error when the text does not parse.
    static func parse(_ text: String) async throws -> PrometheusSamples {
        let run = try await ToolRun.run(
            "python3", [ToolRun.tools.appendingPathComponent("prometheus_parse.py").path], input: text, within: 60)
        guard run.status == 0 else { throw ToolError(reason: "prometheus_client could not parse the exposition: \(run.stderr)") }
        struct Output: Decodable {
            struct Family: Decodable {
                var name: String
                var type: String
                var samples: [Sample]
            }
            struct Sample: Decodable {
                var name: String
                var labels: [String: String]
                var value: Double?
            }
            var families: [Family]
        }
        let output = try JSONDecoder().decode(Output.self, from: Data(run.stdout.utf8))
        return PrometheusSamples(
            samples: output.families.flatMap { family in family.samples.map { Sample(name: $0.name, labels: $0.labels, value: $0.value) } },
            types: Dictionary(output.families.map { ($0.name, $0.type) }, uniquingKeysWith: { first, _ in first }))
    }

    /// The value of the sample `name` whose labels include `labels`, or nil.
    func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        samples.first { sample in sample.name == name && labels.allSatisfy { key, value in sample.labels[key] == value } }?.value
    }

    /// The sum over every sample named `name` whose labels include `labels`.
    func sum(_ name: String, _ labels: [String: String] = [:]) -> Double {
        samples.filter { sample in sample.name == name && labels.allSatisfy { key, value in sample.labels[key] == value } }.compactMap(
            \.value
        ).reduce(0, +)
    }

    /// Every metric name (sample names, e.g. `match_duration_seconds_bucket`).
    var names: Set<String> { Set(samples.map(\.name)) }
}
