/// The protocol version this implementation speaks, and the oldest it accepts.
public enum ProtocolVersion {
    public static let current = "2.1.0"
    public static let minimum = "2.0.0"

    /// Whether a dotted version is at least ``minimum``; unparsable versions are not.
    public static func isSupported(_ version: String) -> Bool {
        let parts = version.split(separator: ".", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.count <= 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return false }
        var numbers = parts.compactMap { Int($0) }
        while numbers.count < 3 { numbers.append(0) }
        return !numbers.lexicographicallyPrecedes([2, 0, 0])
    }
}

/// `ACCEPTED` or `REJECTED`, as league.v2 answers registrations and requests.
public enum RequestStatus: String, Sendable, Codable, Hashable {
    case accepted = "ACCEPTED"
    case rejected = "REJECTED"
}

/// REFEREE_REGISTER_REQUEST: a referee offers itself and says how many matches it runs at once.
public struct RefereeRegisterRequest: MessageBody, Hashable {
    public static let messageType = MessageType.refereeRegisterRequest

    public struct Meta: Codable, Sendable, Hashable {
        public var displayName: String
        public var version: String
        public var gameTypes: [String]
        public var contactEndpoint: String?
        public var maxConcurrentMatches: Int

        public init(displayName: String, version: String, gameTypes: [String], contactEndpoint: String? = nil, maxConcurrentMatches: Int) {
            self.displayName = displayName
            self.version = version
            self.gameTypes = gameTypes
            self.contactEndpoint = contactEndpoint
            self.maxConcurrentMatches = maxConcurrentMatches
        }

        enum CodingKeys: String, CodingKey {
            case displayName = "display_name", version, gameTypes = "game_types"
            case contactEndpoint = "contact_endpoint", maxConcurrentMatches = "max_concurrent_matches"
        }
    }

    public var refereeMeta: Meta
    /// Ours: leases whose results this referee still holds (after a reconnect); every other lease the
    /// manager recorded for it is taken back and replayed elsewhere.
    public var heldLeases: [HeldLease]?

    public init(refereeMeta: Meta, heldLeases: [HeldLease]? = nil) {
        self.refereeMeta = refereeMeta
        self.heldLeases = heldLeases
    }

    enum CodingKeys: String, CodingKey { case refereeMeta = "referee_meta", heldLeases = "held_leases" }
}

/// REFEREE_REGISTER_RESPONSE.
public struct RefereeRegisterResponse: MessageBody, Hashable {
    public static let messageType = MessageType.refereeRegisterResponse
    public static var carriesIssuedToken: Bool { true }
    public var status: RequestStatus
    public var refereeID: String?
    public var reason: String?
    public var authToken: String?

    public init(status: RequestStatus, refereeID: String?, reason: String? = nil, authToken: String?) {
        self.status = status
        self.refereeID = refereeID
        self.reason = reason
        self.authToken = authToken
    }

    enum CodingKeys: String, CodingKey {
        case status, refereeID = "referee_id", reason, authToken = "auth_token"
    }
}

/// LEAGUE_REGISTER_REQUEST: a player joins.
public struct LeagueRegisterRequest: MessageBody, Hashable {
    public static let messageType = MessageType.leagueRegisterRequest

    public struct Meta: Codable, Sendable, Hashable {
        public var displayName: String
        public var version: String
        public var gameTypes: [String]
        public var contactEndpoint: String?
        public var protocolVersion: String?

        public init(
            displayName: String, version: String, gameTypes: [String], contactEndpoint: String? = nil,
            protocolVersion: String? = ProtocolVersion.current
        ) {
            self.displayName = displayName
            self.version = version
            self.gameTypes = gameTypes
            self.contactEndpoint = contactEndpoint
            self.protocolVersion = protocolVersion
        }

        enum CodingKeys: String, CodingKey {
            case displayName = "display_name", version, gameTypes = "game_types"
            case contactEndpoint = "contact_endpoint", protocolVersion = "protocol_version"
        }
    }

    public var playerMeta: Meta
    public init(playerMeta: Meta) { self.playerMeta = playerMeta }
    enum CodingKeys: String, CodingKey { case playerMeta = "player_meta" }
}

/// LEAGUE_REGISTER_RESPONSE.
public struct LeagueRegisterResponse: MessageBody, Hashable {
    public static let messageType = MessageType.leagueRegisterResponse
    public static var carriesIssuedToken: Bool { true }
    public var status: RequestStatus
    public var playerID: String?
    public var reason: String?
    public var authToken: String?

    public init(status: RequestStatus, playerID: String?, reason: String? = nil, authToken: String?) {
        self.status = status
        self.playerID = playerID
        self.reason = reason
        self.authToken = authToken
    }

    enum CodingKeys: String, CodingKey {
        case status, playerID = "player_id", reason, authToken = "auth_token"
    }
}
