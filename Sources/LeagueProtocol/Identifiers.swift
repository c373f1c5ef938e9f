/// A typed identifier: an agent's, a league's or a match's id is text on the wire, but never one for another.
public struct Identifier<Tag: IdentifierTag>: TextValue {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
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
