/// A value that travels as a JSON string but is its own type (a game's name, an id, a status, a move):
/// conforming types get their string literal, description and ordering here, and Codable from the
/// standard library's `RawRepresentable` support (a single JSON string).
public protocol TextValue: RawRepresentable, Hashable, Sendable, Codable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral
where RawValue == String {
    init(rawValue: String)
}

extension TextValue {
    public init(_ rawValue: String) { self.init(rawValue: rawValue) }
    public init(stringLiteral value: String) { self.init(rawValue: value) }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
