import LeagueProtocol

/// The agents the manager knows, by id and by ZeroMQ routing id.
struct AgentRegistry {
    enum Role: String { case player, referee }

    struct ActiveMatch: Equatable {
        let leagueID: String
        let matchIndex: Int
        let refereeID: String
    }

    struct Agent {
        let id: String
        /// `id` as bytes, for the peer frame of forwarded messages.
        let idBytes: [UInt8]
        let role: Role
        var displayName: String
        var identity: [UInt8]
        var token: [UInt8]
        /// Referees: how many matches at once, and how many are leased now.
        var capacity = 0
        var leased = 0
        /// Players: the league they belong to and the match they are in.
        var leagueID: String?
        var activeMatch: ActiveMatch?
    }

    private(set) var agents: [String: Agent] = [:]
    private var idByIdentity: [[UInt8]: String] = [:]
    private var idByName: [Role: [String: String]] = [.player: [:], .referee: [:]]
    /// Ids in registration order, for deterministic choices.
    private(set) var playerOrder: [String] = []
    private(set) var refereeOrder: [String] = []

    subscript(id: String) -> Agent? {
        get { agents[id] }
        set { agents[id] = newValue }
    }

    func id(forIdentity identity: [UInt8]) -> String? { idByIdentity[identity] }

    /// Registers an agent, or re-registers one with the same role and name: it keeps its id and gets a new
    /// token and connection.
    mutating func register(role: Role, name: String, identity: [UInt8], capacity: Int = 0) -> Agent {
        let token = Self.makeToken()
        if let existing = idByName[role]?[name], var agent = agents[existing] {
            idByIdentity[agent.identity] = nil
            agent.identity = identity
            agent.token = token
            agent.capacity = capacity
            agents[existing] = agent
            idByIdentity[identity] = existing
            return agent
        }
        let number = role == .player ? playerOrder.count + 1 : refereeOrder.count + 1
        let id = role == .player ? "P" + Self.pad(number) : "REF" + Self.pad(number)
        let agent = Agent(
            id: id, idBytes: Array(id.utf8), role: role, displayName: name, identity: identity, token: token, capacity: capacity)
        agents[id] = agent
        idByIdentity[identity] = id
        idByName[role, default: [:]][name] = id
        if role == .player { playerOrder.append(id) } else { refereeOrder.append(id) }
        return agent
    }

    private static func pad(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }

    private static func makeToken() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        let hex = Array("0123456789abcdef".utf8)
        var token = Array("tok_".utf8)
        for _ in 0..<16 {
            let byte = UInt8.random(in: 0...255, using: &generator)
            token.append(hex[Int(byte >> 4)])
            token.append(hex[Int(byte & 0x0F)])
        }
        return token
    }
}
