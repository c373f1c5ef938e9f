/// A typed identifier: an agent's, a league's or a match's id is text on the wire, but never one for another.
public struct Identifier<Tag: IdentifierTag>: RawRepresentable, Hashable, Sendable, Comparable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What an ``Identifier`` names.
public protocol IdentifierTag: Sendable {}

public enum AgentTag: IdentifierTag {}
public enum LeagueTag: IdentifierTag {}
public enum MatchTag: IdentifierTag {}

/// A registered agent's id (`P01`, `REF01`).
public typealias AgentID = Identifier<AgentTag>
/// A league's id (`league-1`).
public typealias LeagueID = Identifier<LeagueTag>
/// A match's id within its league (`R1M1`).
public typealias MatchID = Identifier<MatchTag>

/// What an agent is to the manager.
public enum AgentRole: String, Sendable, Hashable, Codable, CaseIterable {
    case player, referee
}
