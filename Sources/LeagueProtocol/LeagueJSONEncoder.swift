/// Encodes `Encodable` values as compact JSON bytes, as league.v2 sends them: keys in the order they are
/// encoded, `nil` optionals left out, `/` not escaped, non-ASCII text as UTF-8.
///
/// It builds a small ``JSONNode`` tree and writes it out; Foundation's `JSONEncoder` costs several times
/// more per message on Linux (see docs/PERFORMANCE.md).
struct LeagueJSONEncoder {
    /// The JSON bytes of `value`.
    func encode<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        let encoder = JSONTreeEncoder(parent: nil, key: nil)
        try value.encode(to: encoder)
        var out = [UInt8]()
        out.reserveCapacity(512)
        JSONSerializer.write(encoder.node ?? .object(JSONObject()), into: &out)
        return out
    }
}

/// Writes a ``JSONNode`` as compact JSON.
enum JSONSerializer {
    static func write(_ node: JSONNode, into out: inout [UInt8]) {
        switch node {
        case .object(let object):
            out.append(UInt8(ascii: "{"))
            for index in object.keys.indices {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                write(string: object.keys[index], into: &out)
                out.append(UInt8(ascii: ":"))
                write(object.values[index], into: &out)
            }
            out.append(UInt8(ascii: "}"))
        case .array(let array):
            out.append(UInt8(ascii: "["))
            for index in array.values.indices {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                write(array.values[index], into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .string(let text): write(string: text, into: &out)
        case .integer(let negative, let magnitude):
            if negative && magnitude != 0 { out.append(UInt8(ascii: "-")) }
            write(digits: magnitude, into: &out)
        case .double(let value):
            if value == value.rounded(), abs(value) < 1e15 {
                if value < 0 { out.append(UInt8(ascii: "-")) }
                write(digits: UInt64(abs(value)), into: &out)
            } else {
                out.append(contentsOf: "\(value)".utf8)
            }
        case .bool(let value): out.append(contentsOf: value ? Array("true".utf8) : Array("false".utf8))
        case .null: out.append(contentsOf: "null".utf8)
        }
    }

    private static func write(digits value: UInt64, into out: inout [UInt8]) {
        if value < 10 {
            out.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes, enough for 20 digits
        withUnsafeMutableBytes(of: &buffer) { raw in
            var position = raw.count
            var rest = value
            while rest > 0 {
                position -= 1
                raw[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
            out.append(contentsOf: raw[position...])
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    private static func write(string: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = string
        text.withUTF8 { bytes in
            var runStart = 0
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                runStart = index + 1
                out.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "t"))
                case 0x08: out.append(UInt8(ascii: "b"))
                case 0x0C: out.append(UInt8(ascii: "f"))
                default:
                    out.append(contentsOf: [
                        UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)],
                    ])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// The `Encoder` behind ``LeagueJSONEncoder``: one per value being encoded; the value's node ends up in
/// `node`. The coding path is kept as a parent chain and only built when asked for.
final class JSONTreeEncoder: Encoder {
    let parent: JSONTreeEncoder?
    let key: (any CodingKey)?
    var node: JSONNode?
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(parent: JSONTreeEncoder?, key: (any CodingKey)?) {
        self.parent = parent
        self.key = key
    }

    var codingPath: [any CodingKey] {
        var path: [any CodingKey] = []
        var current: JSONTreeEncoder? = self
        while let encoder = current, let key = encoder.key {
            path.append(key)
            current = encoder.parent
        }
        return path.reversed()
    }

    /// The object this encoder writes into: its own, or a new one.
    func object() -> JSONObject {
        if case .object(let object)? = node { return object }
        let object = JSONObject()
        node = .object(object)
        return object
    }

    func array() -> JSONArray {
        if case .array(let array)? = node { return array }
        let array = JSONArray()
        node = .array(array)
        return array
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(JSONKeyedEncodingContainer<Key>(encoder: self, object: object()))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { JSONUnkeyedEncodingContainer(encoder: self, array: array()) }

    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    /// The node of `value`, encoded as the child at `key`.
    func box<Value: Encodable>(_ value: Value, key: any CodingKey) throws -> JSONNode {
        switch value {
        case let text as String: return .string(text)
        case let number as Int: return JSONNode(number)
        case let number as UInt64: return .integer(negative: false, magnitude: number)
        case let flag as Bool: return .bool(flag)
        default:
            let child = JSONTreeEncoder(parent: self, key: key)
            try value.encode(to: child)
            return child.node ?? .object(JSONObject())
        }
    }
}

extension JSONNode {
    init<Number: BinaryInteger>(_ number: Number) {
        self = .integer(negative: number < 0, magnitude: UInt64(number.magnitude))
    }

    init(double value: Double, path: [any CodingKey]) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: path, debugDescription: "JSON has no \(value)"))
        }
        self = .double(value)
    }
}

extension JSONTreeEncoder: SingleValueEncodingContainer {
    func encodeNil() throws { node = .null }
    func encode(_ value: Bool) throws { node = .bool(value) }
    func encode(_ value: String) throws { node = .string(value) }
    func encode(_ value: Double) throws { node = try JSONNode(double: value, path: codingPath) }
    func encode(_ value: Float) throws { node = try JSONNode(double: Double(value), path: codingPath) }
    func encode(_ value: Int) throws { node = JSONNode(value) }
    func encode(_ value: Int8) throws { node = JSONNode(value) }
    func encode(_ value: Int16) throws { node = JSONNode(value) }
    func encode(_ value: Int32) throws { node = JSONNode(value) }
    func encode(_ value: Int64) throws { node = JSONNode(value) }
    func encode(_ value: UInt) throws { node = JSONNode(value) }
    func encode(_ value: UInt8) throws { node = JSONNode(value) }
    func encode(_ value: UInt16) throws { node = JSONNode(value) }
    func encode(_ value: UInt32) throws { node = JSONNode(value) }
    func encode(_ value: UInt64) throws { node = JSONNode(value) }
    func encode<T: Encodable>(_ value: T) throws {
        if let text = value as? String {
            node = .string(text)
            return
        }
        try value.encode(to: self)
    }
}

struct JSONKeyedEncodingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: JSONTreeEncoder
    let object: JSONObject
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil(forKey key: Key) throws { object.set(key.stringValue, .null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { object.set(key.stringValue, .bool(value)) }
    mutating func encode(_ value: String, forKey key: Key) throws { object.set(key.stringValue, .string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        object.set(key.stringValue, try JSONNode(double: value, path: codingPath + [key]))
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        object.set(key.stringValue, try JSONNode(double: Double(value), path: codingPath + [key]))
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { object.set(key.stringValue, JSONNode(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { object.set(key.stringValue, JSONNode(value)) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { object.set(key.stringValue, JSONNode(value)) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { object.set(key.stringValue, JSONNode(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { object.set(key.stringValue, JSONNode(value)) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { object.set(key.stringValue, JSONNode(value)) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { object.set(key.stringValue, JSONNode(value)) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { object.set(key.stringValue, JSONNode(value)) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { object.set(key.stringValue, JSONNode(value)) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { object.set(key.stringValue, JSONNode(value)) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        object.set(key.stringValue, try encoder.box(value, key: key))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<
        NestedKey
    > {
        let child = JSONTreeEncoder(parent: encoder, key: key)
        let nested = child.object()
        object.set(key.stringValue, .object(nested))
        return KeyedEncodingContainer(JSONKeyedEncodingContainer<NestedKey>(encoder: child, object: nested))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = JSONTreeEncoder(parent: encoder, key: key)
        let nested = child.array()
        object.set(key.stringValue, .array(nested))
        return JSONUnkeyedEncodingContainer(encoder: child, array: nested)
    }

    mutating func superEncoder() -> any Encoder {
        JSONReferenceEncoder(parent: encoder, key: JSONIndexKey.superKey) { [object] node in object.set("super", node) }
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        JSONReferenceEncoder(parent: encoder, key: key) { [object] node in object.set(key.stringValue, node) }
    }
}

struct JSONUnkeyedEncodingContainer: UnkeyedEncodingContainer {
    let encoder: JSONTreeEncoder
    let array: JSONArray
    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int { array.values.count }

    private var nextKey: JSONIndexKey { JSONIndexKey(index: array.values.count) }

    mutating func encodeNil() throws { array.values.append(.null) }
    mutating func encode(_ value: Bool) throws { array.values.append(.bool(value)) }
    mutating func encode(_ value: String) throws { array.values.append(.string(value)) }
    mutating func encode(_ value: Double) throws { array.values.append(try JSONNode(double: value, path: codingPath + [nextKey])) }
    mutating func encode(_ value: Float) throws { array.values.append(try JSONNode(double: Double(value), path: codingPath + [nextKey])) }
    mutating func encode(_ value: Int) throws { array.values.append(JSONNode(value)) }
    mutating func encode(_ value: Int8) throws { array.values.append(JSONNode(value)) }
    mutating func encode(_ value: Int16) throws { array.values.append(JSONNode(value)) }
    mutating func encode(_ value: Int32) throws { array.values.append(JSONNode(value)) }
    mutating func encode(_ value: Int64) throws { array.values.append(JSONNode(value)) }
    mutating func encode(_ value: UInt) throws { array.values.append(JSONNode(value)) }
    mutating func encode(_ value: UInt8) throws { array.values.append(JSONNode(value)) }
    mutating func encode(_ value: UInt16) throws { array.values.append(JSONNode(value)) }
    mutating func encode(_ value: UInt32) throws { array.values.append(JSONNode(value)) }
    mutating func encode(_ value: UInt64) throws { array.values.append(JSONNode(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { array.values.append(try encoder.box(value, key: nextKey)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = JSONTreeEncoder(parent: encoder, key: nextKey)
        let nested = child.object()
        array.values.append(.object(nested))
        return KeyedEncodingContainer(JSONKeyedEncodingContainer<NestedKey>(encoder: child, object: nested))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = JSONTreeEncoder(parent: encoder, key: nextKey)
        let nested = child.array()
        array.values.append(.array(nested))
        return JSONUnkeyedEncodingContainer(encoder: child, array: nested)
    }

    mutating func superEncoder() -> any Encoder {
        let position = array.values.count
        array.values.append(.null)
        return JSONReferenceEncoder(parent: encoder, key: JSONIndexKey(index: position)) { [array] node in array.values[position] = node }
    }
}

/// An encoder whose value is stored by its parent once it is deinitialised (for `superEncoder`).
final class JSONReferenceEncoder: Encoder {
    private let inner: JSONTreeEncoder
    private let store: (JSONNode) -> Void

    init(parent: JSONTreeEncoder, key: any CodingKey, store: @escaping (JSONNode) -> Void) {
        inner = JSONTreeEncoder(parent: parent, key: key)
        self.store = store
    }

    deinit { store(inner.node ?? .object(JSONObject())) }

    var codingPath: [any CodingKey] { inner.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> { inner.container(keyedBy: type) }
    func unkeyedContainer() -> any UnkeyedEncodingContainer { inner.unkeyedContainer() }
    func singleValueContainer() -> any SingleValueEncodingContainer { inner.singleValueContainer() }
}

/// An array index or `super` as a coding key.
struct JSONIndexKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(index: Int) {
        stringValue = "Index \(index)"
        intValue = index
    }

    init(name: String) {
        stringValue = name
        intValue = nil
    }

    init?(stringValue: String) { self.init(name: stringValue) }

    init?(intValue: Int) { self.init(index: intValue) }

    static let superKey = JSONIndexKey(name: "super")
}
