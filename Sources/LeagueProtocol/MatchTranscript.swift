/// Every message of one match as the manager saw it, with monotonic offsets: the answer to GET_MATCH and
/// `league match`. Entries are stored as compact arrays, about 0.5 KB for an Even/Odd match.
public struct MatchTranscript: Codable, Sendable, Hashable {
    /// One message: microseconds since the lease began, type, sender and recipient ids
    /// (`LM` for the manager). Encoded as `[t_us, type, from, to]`.
    public struct Entry: Codable, Sendable, Hashable {
        public var offsetMicroseconds: UInt64
        public var type: String
        public var from: String
        public var to: String

        public init(offsetMicroseconds: UInt64, type: String, from: String, to: String) {
            self.offsetMicroseconds = offsetMicroseconds
            self.type = type
            self.from = from
            self.to = to
        }

        public init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            offsetMicroseconds = try container.decode(UInt64.self)
            type = try container.decode(String.self)
            from = try container.decode(String.self)
            to = try container.decode(String.self)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.unkeyedContainer()
            try container.encode(offsetMicroseconds)
            try container.encode(type)
            try container.encode(from)
            try container.encode(to)
        }
    }

    public var leagueID: String
    public var matchID: String
    public var round: Int
    public var playerA: String
    public var playerB: String
    public var leaseID: Int
    public var refereeID: String?
    /// The match's seed, once the match has finished.
    public var seed: UInt64?
    public var result: MatchResultReport.Result?
    public var entries: [Entry]

    public init(
        leagueID: String, matchID: String, round: Int, playerA: String, playerB: String, leaseID: Int, refereeID: String?, seed: UInt64?,
        result: MatchResultReport.Result?, entries: [Entry]
    ) {
        self.leagueID = leagueID
        self.matchID = matchID
        self.round = round
        self.playerA = playerA
        self.playerB = playerB
        self.leaseID = leaseID
        self.refereeID = refereeID
        self.seed = seed
        self.result = result
        self.entries = entries
    }

    enum CodingKeys: String, CodingKey {
        case leagueID = "league_id", matchID = "match_id", round, playerA = "player_a", playerB = "player_b"
        case leaseID = "lease_id", refereeID = "referee_id", seed, result, entries
    }
}
