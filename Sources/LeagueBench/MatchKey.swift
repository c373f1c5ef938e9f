/// Finds `league_id` and `match_id` in a message body without decoding the JSON, so that timing a match
/// adds next to nothing to the referee that times it.
enum MatchKey {
    /// `league/match`, or `nil` when either field is missing.
    static func of(_ body: [UInt8]) -> String? {
        guard let league = string(after: leagueKey, in: body), let match = string(after: matchKey, in: body) else { return nil }
        return league + "/" + match
    }

    /// Whether the body contains `"TECHNICAL_LOSS"`.
    static func isTechnicalLoss(_ body: [UInt8]) -> Bool { find(technicalLoss, in: body, from: 0) != nil }

    private static let leagueKey = Array("\"league_id\"".utf8)
    private static let matchKey = Array("\"match_id\"".utf8)
    private static let technicalLoss = Array("\"TECHNICAL_LOSS\"".utf8)

    /// The string value of the first `key` (a quoted field name) in `body`.
    static func string(after key: [UInt8], in body: [UInt8]) -> String? {
        guard var index = find(key, in: body, from: 0) else { return nil }
        index += key.count
        while index < body.count, body[index] == UInt8(ascii: " ") || body[index] == UInt8(ascii: ":") { index += 1 }
        guard index < body.count, body[index] == UInt8(ascii: "\"") else { return nil }
        let start = index + 1
        var end = start
        while end < body.count, body[end] != UInt8(ascii: "\"") { end += 1 }
        guard end < body.count else { return nil }
        return String(decoding: body[start..<end], as: UTF8.self)
    }

    private static func find(_ needle: [UInt8], in body: [UInt8], from: Int) -> Int? {
        guard needle.count <= body.count else { return nil }
        var index = from
        let last = body.count - needle.count
        while index <= last {
            if body[index] == needle[0] {
                var matched = 1
                while matched < needle.count, body[index + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return index }
            }
            index += 1
        }
        return nil
    }
}
