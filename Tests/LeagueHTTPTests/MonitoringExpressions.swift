import Foundation

/// Finds the metric names that PromQL expressions in a monitoring file (alert rules, a Grafana dashboard)
/// refer to, so that a test can check each against what the manager exposes.
enum MonitoringExpressions {
    /// PromQL functions, aggregations, keywords and the label names used in our expressions.
    static let vocabulary: Set<String> = [
        "sum", "rate", "irate", "increase", "delta", "histogram_quantile", "clamp_min", "clamp_max", "max", "min", "avg", "count",
        "by", "without", "on", "ignoring", "and", "or", "unless", "bool", "absent", "max_over_time", "min_over_time", "changes",
        "time", "vector", "group_left", "group_right", "topk", "le", "role", "result", "code", "direction", "type", "route",
        "method", "status", "job", "instance", "offset", "avg_over_time", "resets", "deriv", "label_replace", "sort_desc",
    ]

    /// The metric names in every `expr` of `text` (YAML `expr:` values or JSON `"expr": "…"` strings).
    static func metricNames(in text: String) -> Set<String> {
        var names = Set<String>()
        for expression in expressions(in: text) {
            // Drop quoted label values and durations, then keep identifiers that name metrics.
            let unquoted = expression.replacingOccurrences(of: #""(?:[^"\\]|\\.)*""#, with: " ", options: .regularExpression)
                .replacingOccurrences(of: #"\[[0-9a-z:]+\]"#, with: " ", options: .regularExpression)
            guard let regex = try? NSRegularExpression(pattern: #"[a-zA-Z_][a-zA-Z0-9_:]*"#) else { continue }
            let range = NSRange(unquoted.startIndex..., in: unquoted)
            for match in regex.matches(in: unquoted, range: range) {
                guard let found = Range(match.range, in: unquoted) else { continue }
                let token = String(unquoted[found])
                if token.contains("_"), !vocabulary.contains(token) { names.insert(token) }
            }
        }
        return names
    }

    /// The expressions: `expr: …` lines (YAML, possibly folded over the following indented lines) and
    /// `"expr": "…"` values (JSON).
    static func expressions(in text: String) -> [String] {
        if text.trimmingCharacters(in: .whitespaces).hasPrefix("{") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) else { return [] }
            var found: [String] = []
            func walk(_ value: Any) {
                if let dictionary = value as? [String: Any] {
                    for (key, inner) in dictionary {
                        if key == "expr", let expression = inner as? String { found.append(expression) } else { walk(inner) }
                    }
                } else if let array = value as? [Any] {
                    array.forEach(walk)
                }
            }
            walk(object)
            return found
        }
        var found: [String] = []
        var current: String?
        var indent = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let leading = line.prefix { $0 == " " }.count
            let body = line.trimmingCharacters(in: .whitespaces)
            if let collected = current {
                if !body.isEmpty && leading > indent {
                    current = collected + " " + body
                    continue
                }
                found.append(collected)
                current = nil
            }
            if body.hasPrefix("expr:") {
                indent = leading
                let rest = body.dropFirst(5).trimmingCharacters(in: .whitespaces)
                current = rest == "|" || rest == ">" || rest == "|-" || rest == ">-" ? "" : rest
            }
        }
        if let current { found.append(current) }
        return found
    }
}
