/// A JSON value as ``LeagueJSONEncoder`` builds it and ``JSONParser`` reads it: a small tree whose objects
/// keep their keys in order, so that messages are written in the order their fields are encoded.
enum JSONNode {
    case object(JSONObject)
    case array(JSONArray)
    case string(String)
    /// An integer: its sign and magnitude (so every `Int64` and `UInt64` fits).
    case integer(negative: Bool, magnitude: UInt64)
    case double(Double)
    case bool(Bool)
    case null

    /// What the node is, for error messages.
    var kind: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .integer, .double: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }
}

/// A JSON object: keys and values in order. Lookups scan, which beats hashing for the dozen keys of a
/// league message.
final class JSONObject {
    var keys: [String] = []
    var values: [JSONNode] = []

    init() {
        keys.reserveCapacity(8)
        values.reserveCapacity(8)
    }

    /// The value of the last `key` (a later duplicate wins), or `nil`.
    subscript(key: String) -> JSONNode? {
        var index = keys.count - 1
        while index >= 0 {
            if keys[index] == key { return values[index] }
            index -= 1
        }
        return nil
    }

    /// Sets `key`, replacing an earlier value of the same key.
    func set(_ key: String, _ value: JSONNode) {
        if let index = keys.firstIndex(of: key) {
            values[index] = value
        } else {
            keys.append(key)
            values.append(value)
        }
    }
}

/// A JSON array.
final class JSONArray {
    var values: [JSONNode] = []
}
