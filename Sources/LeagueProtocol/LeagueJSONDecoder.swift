/// Decodes `Decodable` values from JSON bytes. Failures are the standard `DecodingError`s with the coding
/// path Foundation's `JSONDecoder` reports, so ``MessageCodec`` maps them to the same league error codes.
struct LeagueJSONDecoder {
    /// Decodes a `Value` from `bytes`.
    func decode<Value: Decodable>(_ type: Value.Type, from bytes: [UInt8]) throws -> Value {
        let root: JSONNode
        do {
            root = try bytes.withUnsafeBufferPointer { buffer throws(JSONParser.Failure) in try JSONParser.parse(buffer) }
        } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: [], debugDescription: "The given data was not valid JSON: \(error.reason) at byte \(error.offset)."))
        }
        return try JSONTreeDecoder(node: root, parent: nil, key: nil).unbox(Value.self)
    }
}

/// The `Decoder` for one node of the tree; the coding path is a parent chain, built only when asked for.
final class JSONTreeDecoder: Decoder {
    let node: JSONNode
    let parent: JSONTreeDecoder?
    let key: (any CodingKey)?
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(node: JSONNode, parent: JSONTreeDecoder?, key: (any CodingKey)?) {
        self.node = node
        self.parent = parent
        self.key = key
    }

    var codingPath: [any CodingKey] {
        var path: [any CodingKey] = []
        var current: JSONTreeDecoder? = self
        while let decoder = current, let key = decoder.key {
            path.append(key)
            current = decoder.parent
        }
        return path.reversed()
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        switch node {
        case .object(let object): return KeyedDecodingContainer(JSONKeyedDecodingContainer<Key>(decoder: self, object: object))
        case .null:
            throw DecodingError.valueNotFound(
                [String: Any].self, .init(codingPath: codingPath, debugDescription: "Expected an object but found null."))
        default: throw mismatch([String: Any].self)
        }
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        switch node {
        case .array(let array): return JSONUnkeyedDecodingContainer(decoder: self, values: array.values)
        case .null:
            throw DecodingError.valueNotFound(
                [Any].self, .init(codingPath: codingPath, debugDescription: "Expected an array but found null."))
        default: throw mismatch([Any].self)
        }
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func mismatch(_ type: Any.Type) -> DecodingError {
        .typeMismatch(type, .init(codingPath: codingPath, debugDescription: "Expected \(type) but found \(node.kind) instead."))
    }

    /// Decodes this node as `Value`, with fast paths for the leaf types league messages use.
    func unbox<Value: Decodable>(_ type: Value.Type) throws -> Value {
        if Value.self == String.self, let text = try decode(String.self) as? Value { return text }
        if Value.self == Int.self, let number = try decode(Int.self) as? Value { return number }
        if Value.self == Bool.self, let flag = try decode(Bool.self) as? Value { return flag }
        return try Value(from: self)
    }

    private func integer<Number: FixedWidthInteger>(_ type: Number.Type) throws -> Number {
        switch node {
        case .integer(let negative, let magnitude):
            if negative {
                guard magnitude <= UInt64(Int64.max) + 1, let value = Number(exactly: -Int128(magnitude)) else { throw outOfRange(type) }
                return value
            }
            guard let value = Number(exactly: magnitude) else { throw outOfRange(type) }
            return value
        case .double: throw outOfRange(type)
        case .null:
            throw DecodingError.valueNotFound(type, .init(codingPath: codingPath, debugDescription: "Expected \(type) but found null."))
        default: throw mismatch(type)
        }
    }

    private func outOfRange(_ type: Any.Type) -> DecodingError {
        .dataCorrupted(.init(codingPath: codingPath, debugDescription: "The number does not fit in \(type)."))
    }

    private func floating() throws -> Double {
        switch node {
        case .integer(let negative, let magnitude): return negative ? -Double(magnitude) : Double(magnitude)
        case .double(let value): return value
        case .null:
            throw DecodingError.valueNotFound(
                Double.self, .init(codingPath: codingPath, debugDescription: "Expected a number but found null."))
        default: throw mismatch(Double.self)
        }
    }
}

extension JSONTreeDecoder: SingleValueDecodingContainer {
    func decodeNil() -> Bool {
        if case .null = node { return true }
        return false
    }

    func decode(_ type: Bool.Type) throws -> Bool {
        switch node {
        case .bool(let value): return value
        case .null:
            throw DecodingError.valueNotFound(type, .init(codingPath: codingPath, debugDescription: "Expected Bool but found null."))
        default: throw mismatch(type)
        }
    }

    func decode(_ type: String.Type) throws -> String {
        switch node {
        case .string(let value): return value
        case .null:
            throw DecodingError.valueNotFound(type, .init(codingPath: codingPath, debugDescription: "Expected String but found null."))
        default: throw mismatch(type)
        }
    }

    func decode(_ type: Double.Type) throws -> Double { try floating() }
    func decode(_ type: Float.Type) throws -> Float { Float(try floating()) }
    func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try unbox(type) }
}

struct JSONKeyedDecodingContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: JSONTreeDecoder
    let object: JSONObject
    var codingPath: [any CodingKey] { decoder.codingPath }
    var allKeys: [Key] { object.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { object[key.stringValue] != nil }

    /// The child decoder at `key`; a missing key is `keyNotFound`.
    private func child(_ key: Key) throws -> JSONTreeDecoder {
        guard let node = object[key.stringValue] else {
            throw DecodingError.keyNotFound(
                key, .init(codingPath: codingPath, debugDescription: "No value associated with key \"\(key.stringValue)\"."))
        }
        return JSONTreeDecoder(node: node, parent: decoder, key: key)
    }

    func decodeNil(forKey key: Key) throws -> Bool { try child(key).decodeNil() }

    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        if case .string(let value)? = object[key.stringValue] { return value }
        return try child(key).decode(type)
    }

    func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
        if case .integer(false, let magnitude)? = object[key.stringValue], magnitude <= UInt64(Int.max) { return Int(magnitude) }
        return try child(key).decode(type)
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        if case .bool(let value)? = object[key.stringValue] { return value }
        return try child(key).decode(type)
    }

    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try child(key).decode(type) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try child(key).decode(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try child(key).decode(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try child(key).decode(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try child(key).decode(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try child(key).decode(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try child(key).decode(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try child(key).decode(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try child(key).decode(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try child(key).decode(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try child(key).decode(type) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try child(key).unbox(type) }

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        switch object[key.stringValue] {
        case nil, .null?: return nil
        case .string(let value)?: return value
        default: return try child(key).decode(type)
        }
    }

    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        switch object[key.stringValue] {
        case nil, .null?: return nil
        default: return try child(key).decode(type)
        }
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        switch object[key.stringValue] {
        case nil, .null?: return nil
        default: return try child(key).unbox(type)
        }
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try child(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try child(key).unkeyedContainer() }

    func superDecoder() throws -> any Decoder {
        JSONTreeDecoder(node: object["super"] ?? .null, parent: decoder, key: JSONIndexKey.superKey)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        JSONTreeDecoder(node: object[key.stringValue] ?? .null, parent: decoder, key: key)
    }
}

struct JSONUnkeyedDecodingContainer: UnkeyedDecodingContainer {
    let decoder: JSONTreeDecoder
    let values: [JSONNode]
    var currentIndex = 0
    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { values.count }
    var isAtEnd: Bool { currentIndex >= values.count }

    init(decoder: JSONTreeDecoder, values: [JSONNode]) {
        self.decoder = decoder
        self.values = values
    }

    private mutating func next(_ type: Any.Type) throws -> JSONTreeDecoder {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                type, .init(codingPath: codingPath + [JSONIndexKey(index: currentIndex)], debugDescription: "Unkeyed container is at end."))
        }
        let child = JSONTreeDecoder(node: values[currentIndex], parent: decoder, key: JSONIndexKey(index: currentIndex))
        currentIndex += 1
        return child
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { return false }
        if case .null = values[currentIndex] {
            currentIndex += 1
            return true
        }
        return false
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next(type).decode(type) }
    mutating func decode(_ type: String.Type) throws -> String { try next(type).decode(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try next(type).decode(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try next(type).decode(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try next(type).decode(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next(type).decode(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next(type).decode(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next(type).decode(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next(type).decode(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next(type).decode(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next(type).decode(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next(type).decode(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next(type).decode(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next(type).decode(type) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next(type).unbox(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next([String: Any].self).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next([Any].self).unkeyedContainer() }

    mutating func superDecoder() throws -> any Decoder { try next(Any.self) }
}
